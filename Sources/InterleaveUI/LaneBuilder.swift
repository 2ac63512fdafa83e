import InterleaveTrace

/// Turns one task's history into a row of timeline cells.
///
/// It walks the task's own event chain backwards from its latest event (never the whole trace),
/// then replays the state changes forwards into columns. Where several states share a column
/// the most telling one wins (a failure over a run, a run over a wait), so that zero-length jobs
/// still show up. A sleep that outlasts its deadline (the loop was blocked when the timer came
/// due) is drawn as ready from the deadline on: the task is overdue, waiting for the loop, not
/// sleeping. Its buffers are reused from lane to lane, so a frame allocates almost nothing.
/// ```swift
/// var builder = LaneBuilder()
/// let cells = builder.build(task: TaskID(1), store: store, world: world, scale: scale)
/// ```
public struct LaneBuilder {
    /// Per column: 0 when empty, else the state's raw value + 1.
    public private(set) var cells: [UInt8] = []
    /// Columns where the schedule ran this task's job ahead of FIFO's (`.preempted` events),
    /// newest first; a column may appear more than once.
    public private(set) var preemptedColumns: [Int] = []
    /// State changes, newest first; `deadline` is a sleep's wake-up time (0 for other states).
    private var changes: [(time: Int64, state: TaskState, deadline: Int64)] = []

    public init() {}

    /// Fills `cells` for `task` and returns them.
    @discardableResult
    public mutating func build(task: TaskID, store: TraceStore, world: WorldState, scale: TimeScale) -> [UInt8] {
        if cells.count != scale.columns {
            cells = [UInt8](repeating: 0, count: scale.columns)
        } else {
            for i in cells.indices { cells[i] = 0 }
        }
        changes.removeAll(keepingCapacity: true)
        preemptedColumns.removeAll(keepingCapacity: true)
        guard task.index < world.tasks.count else { return cells }
        var index = world.tasks[task.index].lastEvent
        while index != .max, Int(index) < world.eventCount {
            let event = store.events[Int(index)]
            if let state = event.taskStateAfter {
                changes.append((event.time, state, event.kind == .taskSleeping ? event.arg : 0))
            } else if event.kind == .preempted {
                preemptedColumns.append(scale.column(event.time))
            }
            index = event.previousOfTask
        }
        var current: TaskState? = nil
        var since: Int64 = 0
        var deadline: Int64 = 0
        for change in changes.reversed() {
            // WorldState ignores a second ending; so must the lane.
            if change.state.isFinished, current?.isFinished == true { continue }
            if let current, current != change.state {
                paint(current, from: since, to: change.time, deadline: deadline, scale: scale)
            }
            if current != change.state { since = change.time }
            current = change.state
            deadline = change.deadline
        }
        if let current { paint(current, from: since, to: nil, deadline: deadline, now: world.time, scale: scale) }
        return cells
    }

    /// True when a sleep from `start` with this deadline is past due at `time`: its timer came
    /// due while the loop could not run it (only a blocked loop delays a timer).
    public static func isOverdue(sleepingSince start: Int64, deadline: Int64, at time: Int64) -> Bool {
        deadline >= start && deadline > 0 && time > deadline
    }

    /// The state drawn in a cell value, or `nil` for an empty cell.
    public static func state(_ cell: UInt8) -> TaskState? { cell == 0 ? nil : TaskState(rawValue: cell - 1) }

    private mutating func paint(
        _ state: TaskState, from start: Int64, to end: Int64?, deadline: Int64, now: Int64 = 0, scale: TimeScale
    ) {
        if state == .sleeping, Self.isOverdue(sleepingSince: start, deadline: deadline, at: end ?? now) {
            paint(.sleeping, from: start, to: deadline, scale: scale)
            paint(.ready, from: deadline, to: end, now: now, scale: scale)
            return
        }
        paint(state, from: start, to: end, now: now, scale: scale)
    }

    private mutating func paint(_ state: TaskState, from start: Int64, to end: Int64?, now: Int64 = 0, scale: TimeScale) {
        let first = scale.column(start)
        if state.isFinished {
            // The end mark goes just after the final job, so "█·" reads as "ran, then finished".
            let column = cells[first] != 0 && first + 1 < cells.count ? first + 1 : first
            put(state, at: column)
            return
        }
        let last = end.map { scale.lastColumn(endingAt: $0, start: first) } ?? max(first, scale.column(now))
        for column in first...last { put(state, at: column) }
    }

    private mutating func put(_ state: TaskState, at column: Int) {
        let value = state.rawValue + 1
        if cells[column] == 0 || Self.priority(state) > Self.priority(TaskState(rawValue: cells[column] - 1)!) {
            cells[column] = value
        }
    }

    /// Which state shows when several share a column: the rarer and more important, the higher.
    static func priority(_ state: TaskState) -> Int {
        switch state {
        case .failed: 9
        case .cancelled: 8
        case .blocking: 7
        case .running: 6
        case .returned: 5
        case .waiting: 4
        case .ready: 3
        case .sleeping: 2
        case .created: 1
        }
    }
}
