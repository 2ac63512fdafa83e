import InterleaveTrace

/// The plain-text account of a run: its prints, an ASCII timeline, diagnostics and a summary.
///
/// Deterministic for a deterministic trace, so it serves as golden output for tests, as
/// `--plain` output when there is no terminal, and as `export --format text` for handouts.
/// ```swift
/// let text = PlainReport(store: loop.store).render()
/// // 0.000s  task1  Task 1 started
/// // ...
/// // done in 2.000s virtual, 9 steps
/// ```
public struct PlainReport {
    public let store: TraceStore
    /// Columns of the timeline's bar area.
    public var timelineWidth = 60
    /// Lanes shown before the rest are summarised.
    public var maxLanes = 40
    /// Prints the demo's captions among the printed lines, in time order, so that the report
    /// reads as a handout: what happened, and what the narration said about it at that moment.
    public var includesCaptions = false

    public init(store: TraceStore, includesCaptions: Bool = false) {
        self.store = store
        self.includesCaptions = includesCaptions
    }

    public func render() -> String {
        var world = WorldState()
        var lines: [String] = []
        var diagnostics: [String] = []
        // Where a replayed schedule ran a job ahead of FIFO's, with the step that job is.
        var divergences: [String] = []
        var lanes = LaneRecorder()
        store.events.withRuns(in: 0..<store.events.count) { run, _ in
            for event in run {
                world.reduce(event)
                lanes.note(event, world: world)
                switch event.kind {
                case .output:
                    let text = store.string(StringID(rawValue: UInt32(truncatingIfNeeded: event.arg)))
                    lines.append("\(formatSeconds(event.time))  \(safe(store.taskName(event.task)))  \(safe(text))")
                case .caption where includesCaptions:
                    let text = store.string(StringID(rawValue: UInt32(truncatingIfNeeded: event.arg)))
                    lines.append("\(formatSeconds(event.time))  >> \(safe(text))")
                // Every way a task can end badly is listed, cancellations too: a reader of the
                // handout should not have to decode `c` in the timeline to learn who was cancelled.
                case .lint, .checkFailed, .deadlock, .loopBlockEnded, .faultInjected, .taskFailed, .taskCancelled:
                    if let text = EventText.describe(event, in: store) {
                        diagnostics.append("\(formatSeconds(event.time))  \(safe(text))")
                    }
                case .preempted:
                    if let text = EventText.describe(event, in: store) {
                        divergences.append("\(formatSeconds(event.time))  step \(world.step + 1): \(safe(text))")
                    }
                default:
                    break
                }
            }
        }
        var out = lines
        out.append("")
        out.append(contentsOf: timeline(lanes: lanes, world: world))
        if !divergences.isEmpty {
            out.append("")
            let count = divergences.count
            out.append("schedule: \(count) choice\(count == 1 ? " differs" : "s differ") from FIFO:")
            out.append(contentsOf: divergences.map { "  " + $0 })
        }
        if !diagnostics.isEmpty {
            out.append("")
            out.append("diagnostics:")
            out.append(contentsOf: diagnostics.map { "  " + $0 })
        }
        out.append("")
        out.append("done in \(formatSeconds(world.time)) virtual, \(world.step) steps")
        return out.joined(separator: "\n") + "\n"
    }

    private func timeline(lanes: LaneRecorder, world: WorldState) -> [String] {
        let end = max(world.time, 1)
        let count = min(world.tasks.count, maxLanes)
        let names = (0..<count).map { index -> String in
            let info = store.task(TaskID(index))
            return String(repeating: "  ", count: min(depth(of: TaskID(index)), 4)) + safe(info.name)
        }
        let labelWidth = min(24, max(8, names.map(\.count).max() ?? 8))
        var out = ["timeline (0 to \(formatSeconds(end)), \(formatSeconds(end / Int64(timelineWidth))) per column):"]
        for index in 0..<count {
            let label = pad(names[index], labelWidth)
            out.append("  \(label) |\(lanes.bar(for: index, columns: timelineWidth, end: end))|")
        }
        if world.tasks.count > count { out.append("  … and \(world.tasks.count - count) more tasks") }
        out.append("  legend: # ran  + ready  - sleeping  ~ waiting  ! blocking the loop  . done  x failed  c cancelled")
        return out
    }

    private func depth(of task: TaskID) -> Int {
        var depth = 0
        var parent = store.task(task).parent
        while !parent.isNone, depth < 16 {
            depth += 1
            parent = store.task(parent).parent
        }
        return depth
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
    }

    private func safe(_ text: String) -> String { SafeText.escape(text) }
}

/// Each task's state changes over time, gathered in one pass for the plain timeline.
struct LaneRecorder {
    private var changes: [[(time: Int64, state: TaskState)]] = []
    private var runs: [[Int64]] = []

    mutating func note(_ event: TraceEvent, world: WorldState) {
        guard !event.task.isNone, event.task.index < world.tasks.count else { return }
        let index = event.task.index
        while changes.count <= index {
            changes.append([])
            runs.append([])
        }
        let snapshot = world.tasks[index]
        let state = snapshot.state
        if let last = changes[index].last, last.state != state {
            // A sleep that ended past its deadline (the loop was blocked) was ready from then on,
            // as the live timeline draws it.
            if last.state == .sleeping,
               LaneBuilder.isOverdue(sleepingSince: last.time, deadline: snapshot.deadline, at: event.time) {
                changes[index].append((snapshot.deadline, .ready))
            }
        }
        if changes[index].last?.state != state { changes[index].append((event.time, state)) }
        if event.kind == .taskResumed { runs[index].append(event.time) }
    }

    func bar(for index: Int, columns: Int, end: Int64) -> String {
        guard index < changes.count else { return String(repeating: " ", count: columns) }
        var out = ""
        var cursor = 0
        var runCursor = 0
        let lane = changes[index]
        for column in 0..<columns {
            let start = end.scaled(by: Int64(column), over: Int64(columns))
            let stop = end.scaled(by: Int64(column + 1), over: Int64(columns))
            while cursor + 1 < lane.count, lane[cursor + 1].time <= start { cursor += 1 }
            var ran = false
            while runCursor < runs[index].count, runs[index][runCursor] < stop || (column == columns - 1 && runs[index][runCursor] <= stop) {
                if runs[index][runCursor] >= start { ran = true }
                runCursor += 1
            }
            let state = lane.isEmpty || lane[0].time > start ? nil : lane[cursor].state
            if column == columns - 1, let ending = badEnding(of: lane, before: stop) {
                // A failure or cancellation at the run's last instant has no column after it to
                // show in, so the last column shows how the task ended rather than that it ran.
                out.append(glyph(ending))
            } else {
                out.append(ran && state?.isFinished != true ? "#" : glyph(state))
            }
        }
        return out
    }

    /// The lane's final state when it is a failure or a cancellation reached by `end`.
    private func badEnding(of lane: [(time: Int64, state: TaskState)], before end: Int64) -> TaskState? {
        guard let last = lane.last, last.time <= end else { return nil }
        switch last.state {
        case .failed, .cancelled: return last.state
        default: return nil
        }
    }

    private func glyph(_ state: TaskState?) -> Character {
        switch state {
        case nil: " "
        case .created, .ready: "+"
        case .running: "#"
        case .sleeping: "-"
        case .waiting: "~"
        case .blocking: "!"
        case .returned: "."
        case .failed: "x"
        case .cancelled: "c"
        }
    }
}
