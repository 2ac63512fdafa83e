import Interleave

extension Catalogue {
    static let errors = Demo(
        name: "errors",
        title: "Errors in coroutines and in gather",
        summary: "An error caught by the awaiting caller; an error escaping gather; gather(returnExceptions:)",
        concept: "An error thrown in a coroutine travels to whoever awaits it, like any error; "
            + "gather rethrows the first one at once and leaves the rest running, unless asked to return them."
    ) { _ in
        // 1. A coroutine's error reaches the caller that awaits it (lesson: faulty_task).
        do {
            try await faultyTask()
        } catch {
            print("Caught an error: \(error)")
        }
        caption("faulty_task raised; main's try/catch caught it like any other error")

        // 2. The first error out of gather is rethrown at once; the other task keeps running.
        do {
            _ = try await Interleave.gather(
                spawn("my_coroutine") { try await myCoroutine() },
                spawn("slow_task") { try await slowTask() }
            )
        } catch {
            print("gather raised: \(error)")
            caption("my_coroutine failed at 1 s: gather raised its error in main at once "
                + "and left slow_task running, to finish at 2 s with nobody awaiting it")
        }

        // 3. With returnExceptions the errors come back as results, and nothing is cancelled.
        // New names, so the timeline tells these two from the first pair.
        caption("Again with returnExceptions: true: gather will hand back my_coroutine_2's error as a result")
        let tasks = [
            spawn("my_coroutine_2") { try await myCoroutine() },
            spawn("slow_task_2") { try await slowTask() },
        ]
        for result in try await Interleave.gather(tasks, returnExceptions: true) {
            switch result {
            case .success(let value): print("Result: \(value)")
            case .failure(let error): print("Error: \(error)")
            }
        }
        caption("returnExceptions: true collected the error beside slow_task's result")
    }
}

private func faultyTask() async throws {
    throw Exception("An error occurred")
}

private func myCoroutine() async throws -> String {
    print("Coroutine is running")
    try await sleep(for: .seconds(1))
    throw Exception("Something went wrong")
}

private func slowTask() async throws -> String {
    print("Slow task started")
    try await sleep(for: .seconds(2))
    print("Slow task finished")
    return "slow task's result"
}
