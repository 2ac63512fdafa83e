@testable import Interleave

/// A test error with a readable description.
struct Boom: Error, Equatable, CustomStringConvertible {
    var tag = "boom"
    var description: String { tag }
}

/// asyncio's `ValueError(f"Failed on {i}")` in the as_completed lesson.
struct ValueError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Mutable state shared by the tasks of one run.
///
/// Only the loop thread touches it while the loop runs (one job at a time), and the test
/// thread reads it after the run, so the unchecked conformance is sound.
final class Box<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}

/// Counts how many tasks are inside a section right now and the most ever seen at once.
final class Occupancy: @unchecked Sendable {
    private(set) var current = 0
    private(set) var maximum = 0
    private(set) var entries: [String] = []

    func enter(_ who: String = "") {
        current += 1
        maximum = max(maximum, current)
        entries.append(who)
    }

    func leave() { current -= 1 }
}

extension TraceStore {
    /// Every event of `kind`, in order.
    func events(_ kind: EventKind) -> [TraceEvent] { events.snapshot().filter { $0.kind == kind } }

    /// The id of the task named `name` (the first one, if several share it).
    func taskID(_ name: String) -> TaskID? {
        (0..<tasks.count).first { tasks[$0].name == name }.map { TaskID($0) }
    }

    /// The id of the resource named `name`.
    func resourceID(_ name: String) -> ResourceID? {
        (0..<resources.count).first { resources[$0].name == name }.map { ResourceID($0) }
    }
}

/// main gathers task1 (2 s, "one") and task2 (1 s, "two") and returns "onetwo": the smallest
/// run with a fault worth injecting, spawned on `loop` and not yet run.
func gatherOfTwo(_ loop: Loop) -> LoopTask<String> {
    loop.spawn("main") {
        let (a, b) = try await gather(
            spawn("task1") { try await sleep(for: .seconds(2)); return "one" },
            spawn("task2") { try await sleep(for: .seconds(1)); return "two" })
        return a + b
    }
}
