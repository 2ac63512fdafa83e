import Interleave

extension Catalogue {
    static let taskGroup = Demo(
        name: "task-group",
        title: "Structured concurrency with a task scope",
        summary: "One of three children fails: a scope cancels its siblings; gather leaves them running",
        concept: "Tasks spawned in a scope end before the scope does: when one child fails, the "
            + "scope cancels the others, waits for them, and throws the error to its parent. "
            + "gather, like asyncio's, throws the error at once and leaves the others running."
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

        // The same three with gather (asyncio's): the error comes at once, and nobody stops the others.
        do {
            _ = try await Interleave.gather(
                spawn("gathered_a") { try await download("a", seconds: 1) },
                spawn("gathered_b") { try await downloadBroken("b", inScope: false) },
                spawn("gathered_c") { try await download("c", seconds: 2) })
        } catch {
            print("gather raised: \(error)")
            caption("gather raised the error at once and left gathered_a and gathered_c running, with nobody awaiting them")
        }
        try await sleep(for: .seconds(2))
        caption("gathered_a and gathered_c finished anyway: without a scope, a failure leaves work running behind you")
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

private func downloadBroken(_ name: String, inScope: Bool = true) async throws {
    print("Downloading \(name)")
    try await sleep(for: .milliseconds(500))
    if inScope { caption("download_b fails: the scope cancels download_a and download_c at once") }
    throw Exception("\(name): server error 500")
}
