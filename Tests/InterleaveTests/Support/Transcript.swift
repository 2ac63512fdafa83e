import Testing
@testable import Interleave

/// Renders a recorded run as plain text, so tests can compare a whole run at a glance
/// (in the spirit of swift-async-algorithms' marble diagrams).
///
/// ```swift
/// Transcript.output(loop.store)
/// // ["0.000s task1 Task 1 started", "0.000s task2 Task 2 started", "1.000s task2 Task 2 completed", …]
/// Transcript.timeline(loop.store)
/// // main  |WWWW.|
/// // task1 |SSSS.|
/// // task2 |SS...|
/// ```
enum Transcript {
    /// The lines the tasks printed, each as "<time> <task> <text>".
    static func output(_ store: TraceStore) -> [String] {
        store.events.snapshot().filter { $0.kind == .output }.map { e in
            "\(formatSeconds(e.time)) \(store.taskName(e.task)) \(text(e, store))"
        }
    }

    /// Just the printed texts, in order.
    static func printed(_ store: TraceStore) -> [String] {
        store.events.snapshot().filter { $0.kind == .output }.map { text($0, store) }
    }

    /// Every event EventText describes, as "<time> <sentence>", optionally only some kinds.
    static func events(_ store: TraceStore, only kinds: Set<EventKind>? = nil) -> [String] {
        store.events.snapshot().compactMap { e in
            if let kinds, !kinds.contains(e.kind) { return nil }
            return EventText.describe(e, in: store).map { "\(formatSeconds(e.time)) \($0)" }
        }
    }

    /// The string an event's arg names (output, caption, lint, failure text).
    static func text(_ e: TraceEvent, _ store: TraceStore) -> String {
        store.string(StringID(rawValue: UInt32(truncatingIfNeeded: e.arg)))
    }

    /// The texts of every lint recorded.
    static func lints(_ store: TraceStore) -> [String] {
        store.events.snapshot().filter { $0.kind == .lint }.map { text($0, store) }
    }

    /// The world after every event: the fold of the whole trace.
    static func fold(_ store: TraceStore) -> WorldState {
        var world = WorldState()
        for e in store.events.snapshot() { world.reduce(e) }
        return world
    }

    /// One glyph per task state.
    ///
    /// `r` ready, `R` running, `S` sleeping, `W` waiting, `B` blocking the loop, `.` done,
    /// `X` failed, `C` cancelled, and a blank before the task exists.
    static func glyph(_ state: TaskState) -> Character {
        switch state {
        case .created, .ready: "r"
        case .running: "R"
        case .sleeping: "S"
        case .waiting: "W"
        case .blocking: "B"
        case .returned: "."
        case .failed: "X"
        case .cancelled: "C"
        }
    }

    /// Each task's state sampled at every multiple of `resolution`, one column per sample:
    /// the glyph is the task's state once every event at or before that instant has happened.
    /// Rows follow task creation order; names are padded to line up the bars.
    static func timeline(_ store: TraceStore, resolution: Duration = .milliseconds(500),
                         until end: Duration? = nil, tasks names: [String]? = nil) -> String {
        let events = store.events.snapshot()
        let step = resolution.nanoseconds
        let last = end?.nanoseconds ?? (events.last?.time ?? 0)
        let columns = Int(last / step) + 1
        let taskCount = store.tasks.count
        var rows = [[Character]](repeating: [], count: taskCount)
        var world = WorldState()
        var next = 0
        for column in 0..<columns {
            let instant = Int64(column) * step
            while next < events.count, events[next].time <= instant {
                world.reduce(events[next])
                next += 1
            }
            for task in 0..<taskCount {
                rows[task].append(task < world.tasks.count ? glyph(world.tasks[task].state) : " ")
            }
        }
        let chosen = (0..<taskCount).filter { names?.contains(store.taskName(TaskID($0))) ?? true }
        let width = chosen.map { store.taskName(TaskID($0)).count }.max() ?? 0
        return chosen.map { task in
            let name = store.taskName(TaskID(task))
            return name + String(repeating: " ", count: width - name.count) + " |" + String(rows[task]) + "|"
        }.joined(separator: "\n")
    }
}
