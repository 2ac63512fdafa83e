import Foundation
import Interleave

extension Catalogue {
    static let createTask = Demo(
        name: "create-task",
        title: "Creating tasks on the event loop",
        summary: "create_task needs a running loop; on one, it schedules the task and returns at once",
        concept: "A task is scheduled on the running loop and starts at the loop's next step, "
            + "once its creator reaches an await; with no running loop there is nowhere to schedule it."
    ) { _ in
        // The lesson (section 3.1) calls create_task at module level, before any loop runs.
        // A plain thread stands in for module level: no loop runs on it either.
        print("At module level: task1 = asyncio.create_task(task1())")
        print(onThreadWithoutLoop {
            do {
                _ = try asyncioCreateTask("task1") { try await task1() }
                return "task1 created"
            } catch {
                return "\(error)"
            }
        })
        caption("At module level no loop is running, so create_task raises RuntimeError and task1 never runs")

        // The fix: create the tasks inside a coroutine that the loop runs.
        print("Creating task1 and task2")
        let t1 = try asyncioCreateTask("task1") { try await task1() }
        let t2 = try asyncioCreateTask("task2") { try await task2() }
        print("Both created; neither has started yet")
        caption("create_task returned at once: the tasks start when main reaches its first await")
        try await t1.value
        try await t2.value
        print("Both tasks are done")
        caption("task2 finished at 1 s and task1 at 2 s: they ran concurrently on main's loop")
    }
}

private func task1() async throws {
    try await sleep(for: .seconds(2))
    print("Task 1 is done")
}

private func task2() async throws {
    try await sleep(for: .seconds(1))
    print("Task 2 is done")
}

/// `asyncio.create_task`: schedules `body` on the running loop, or raises when none runs here.
private func asyncioCreateTask(
    _ name: String, _ body: @escaping @Sendable () async throws -> Void
) throws -> LoopTask<Void> {
    guard Loop.current != nil else { throw RuntimeError(message: "no running event loop") }
    return spawn(name, body)
}

/// Runs `body` on a new thread, where no loop is bound, and waits for its answer.
///
/// The wait blocks the loop's thread only for the microseconds the thread needs; the answer
/// comes back here so that it is printed (and traced) on the loop.
private func onThreadWithoutLoop(_ body: @escaping @Sendable () -> String) -> String {
    final class Answer: @unchecked Sendable {   // written before `done.signal()`, read after `wait()`
        var text = ""
    }
    let answer = Answer()
    let done = DispatchSemaphore(value: 0)
    Thread {
        answer.text = body()
        done.signal()
    }.start()
    done.wait()
    return answer.text
}

/// Python's `RuntimeError`, which asyncio raises when a task is created with no running loop.
private struct RuntimeError: Error, CustomStringConvertible {
    let message: String
    var description: String { "RuntimeError: \(message)" }
}
