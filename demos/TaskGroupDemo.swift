import Interleave

extension Catalogue {
    static let taskGroup = Demo(
        name: "task-group",
        title: "Structured concurrency with a task scope",
        summary: "Three children; one fails at 0.5 s, the scope cancels its siblings and throws to the parent",
        concept: "Tasks spawned in a scope end before the scope does: when one child fails, the "
            + "scope cancels the others, waits for them, and throws the error to its parent."
    ) { _ in
        do {
            try await withTaskScope("downloads") { scope in
                scope.spawn("download_a") { try await download("a", seconds: 1) }
                scope.spawn("download_b") { try await downloadBroken("b") }
                scope.spawn("download_c") { try await download("c", seconds: 2) }
            }
        } catch {
            print("The scope raised: \(error)")
            caption("main sees download_b's error only once every child has ended: nothing runs on behind it")
        }
    }
}

private func download(_ name: String, seconds: Int) async throws {
    print("Downloading \(name)")
    do {
        try await sleep(for: .seconds(seconds))
    } catch is CancellationError {
        print("Download \(name) cancelled")
        throw CancellationError()
    }
    print("Downloaded \(name)")
}

private func downloadBroken(_ name: String) async throws {
    print("Downloading \(name)")
    try await sleep(for: .milliseconds(500))
    caption("download_b fails: the scope cancels download_a and download_c at once")
    throw Exception("\(name): server error 500")
}
