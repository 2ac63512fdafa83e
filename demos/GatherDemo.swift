import Interleave

extension Catalogue {
    static let gather = Demo(
        name: "gather",
        title: "Running tasks together with gather",
        summary: "task1 (2 s) and task2 (1 s) run concurrently: done in 2 s, not 3",
        concept: "gather runs its tasks concurrently; the total time is the longest task's, not the sum."
    ) { _ in
        caption("main starts task1 and task2 together and waits for both")
        _ = try await Interleave.gather(
            spawn("task1") { try await task1() },
            spawn("task2") { try await task2() }
        )
        caption("Both done at 2 s: the sleeps overlapped")
    }
}

private func task1() async throws {
    print("Task 1 started")
    try await sleep(for: .seconds(2))
    print("Task 1 completed")
}

private func task2() async throws {
    print("Task 2 started")
    try await sleep(for: .seconds(1))
    print("Task 2 completed")
    caption("task2 finishes first: it only sleeps 1 s")
}
