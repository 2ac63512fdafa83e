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
                scope.spawn("fetch_a") { try await fetch("a", seconds: 1) }
                scope.spawn("fetch_b") { try await fetchBroken("b") }
                scope.spawn("fetch_c") { try await fetch("c", seconds: 2) }
            }
        } catch {
            print("The scope raised: \(error)")
            caption("main sees fetch_b's error only once every child has ended: nothing runs on behind it")
        }
    }
}

private func fetch(_ name: String, seconds: Int) async throws {
    print("Fetching \(name)")
    do {
        try await sleep(for: .seconds(seconds))
    } catch is CancellationError {
        print("Fetch \(name) cancelled")
        throw CancellationError()
    }
    print("Fetched \(name)")
}

private func fetchBroken(_ name: String) async throws {
    print("Fetching \(name)")
    try await sleep(for: .milliseconds(500))
    caption("fetch_b fails: the scope cancels fetch_a and fetch_c at once")
    throw Exception("\(name): server error 500")
}
