import Demos
import Interleave
import InterleaveApp
import InterleaveUI

/// One demo run headless to its end, with the questions tests ask of its trace.
///
/// ```swift
/// let run = DemoRun("gather")
/// run.seconds   // 2.0
/// ```
struct DemoRun {
    /// A line a task printed: when, who, what.
    struct Line: Equatable {
        var time: Double
        var task: String
        var text: String
    }

    let events: [TraceEvent]

    init(_ name: String, options: DemoOptions = DemoOptions()) {
        // Deadlock demos leave tasks suspended; the run closes the loop, which ends them (the trace stays).
        store = Self.run(of: name, options: options).run().store
        events = store.events.snapshot()
    }

    let store: TraceStore

    /// The demo run as `interleave demo NAME` runs it: the one pipeline every command shares.
    static func run(of name: String, options: DemoOptions = DemoOptions()) -> HeadlessRun {
        guard let demo = Catalogue.named(name) else { preconditionFailure("no demo named \(name)") }
        return HeadlessRun { demo.start(on: $0, options: options) }
    }

    /// A demo run to its end as the live view runs it, with a cursor over its whole trace (for
    /// seeking to any step of it). Close the loop after use.
    static func liveReference(_ name: String) -> (loop: Loop, cursor: TraceCursor) {
        let loop = liveLoop(name)
        loop.runUntilIdle()
        let cursor = TraceCursor(store: loop.store)
        cursor.indexAll()
        return (loop, cursor)
    }

    /// A demo's loop set up as the live view runs it (a deadlock leaves the run open for the
    /// user to break), spawned and not yet run. Close it after use.
    static func liveLoop(_ name: String, options: DemoOptions = DemoOptions(tasks: 12)) -> Loop {
        let loop = run(of: name, options: options).makeLoop()
        loop.deadlockEndsRun = false
        return loop
    }

    /// The plain report, as `interleave demo NAME --plain` prints it.
    var plain: String { PlainReport(store: store).render() }

    /// The world at the end of the run.
    var world: WorldState {
        var world = WorldState()
        for event in events { world.reduce(event) }
        return world
    }

    /// Virtual seconds the run took.
    var seconds: Double { seconds(events.last?.time ?? 0) }

    /// Every printed line, in order.
    var lines: [Line] {
        events.filter { $0.kind == .output }.map {
            Line(time: seconds($0.time), task: store.taskName($0.task), text: text($0.arg))
        }
    }

    /// The time of the first line with this text.
    func time(of text: String) -> Double? { lines.first { $0.text == text }?.time }

    /// Events of one kind.
    func events(_ kind: EventKind) -> [TraceEvent] { events.filter { $0.kind == kind } }

    /// The final state of the tasks with this name (several tasks may share one).
    func tasks(named name: String) -> [TaskSnapshot] {
        let world = world
        return world.tasks.indices.filter { store.taskName(TaskID($0)) == name }.map { world.tasks[$0] }
    }

    /// The trace string an event's arg points at.
    func text(_ arg: Int64) -> String { store.string(StringID(rawValue: UInt32(truncatingIfNeeded: arg))) }

    func seconds(_ nanoseconds: Int64) -> Double { Double(nanoseconds) / 1e9 }
}
