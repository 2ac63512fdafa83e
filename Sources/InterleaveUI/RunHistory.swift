import InterleaveTrace

/// A whole run as intervals: each task's states with their virtual start and end, each
/// resource's holders or counts, the captions and the moments worth marking (faults, failures,
/// cancellations, deadlock edges, failed checks). What a picture of the run needs, in one pass.
///
/// States come from the same fold the TUI reads (`WorldState`), and a sleep that outlasts its
/// deadline turns ready at the deadline, as the lanes draw it.
/// ```swift
/// let history = RunHistory(store: store)
/// history.lanes[0].segments   // [(0, 0.5 s, .sleeping), …]
/// history.captions            // [(time: 0, text: "Three tasks start together")]
/// ```
public struct RunHistory: Sendable {
    /// One stretch of a task in one state, or of a resource with one holder or count.
    public struct Segment: Sendable, Equatable {
        public var start: Int64
        public var end: Int64
        public var state: TaskState
        /// What the stretch was about, for a tooltip ("waits on lock db", "held by worker-1").
        public var detail: String
        /// The few words that fit on the bar itself ("worker-1" for a lock's holder).
        public var label: String

        public init(start: Int64, end: Int64, state: TaskState, detail: String, label: String? = nil) {
            self.start = start
            self.end = end
            self.state = state
            self.detail = detail
            self.label = label ?? detail
        }
    }

    /// One task's row.
    public struct Lane: Sendable {
        public var task: TaskID
        public var name: String
        public var depth: Int
        public var segments: [Segment] = []
        /// When its jobs began: jobs take no virtual time, so they are drawn as marks.
        public var runs: [Int64] = []
    }

    /// One resource's row: the stretches during which it was held, or not empty.
    public struct ResourceRow: Sendable {
        public var resource: ResourceID
        public var name: String
        public var kind: ResourceKind
        public var segments: [Segment] = []
    }

    /// A moment to mark on a lane and list under the picture.
    public struct Mark: Sendable, Equatable {
        public enum Kind: String, Sendable { case fault, failure, cancellation, deadlock, check, blocked }
        public var kind: Kind
        public var time: Int64
        public var task: TaskID
        public var text: String
    }

    public private(set) var lanes: [Lane] = []
    public private(set) var resources: [ResourceRow] = []
    public private(set) var captions: [(time: Int64, text: String)] = []
    public private(set) var marks: [Mark] = []
    /// Tasks in the detected deadlock cycle, in the order the edges name them.
    public private(set) var deadlocked: [TaskID] = []
    /// The deadlock's edges: each waiter, what it waits on, and the task holding that (`.none`
    /// for a wait no task can end).
    public private(set) var deadlockEdges: [(waiter: TaskID, resource: ResourceID, holder: TaskID)] = []
    public private(set) var endTime: Int64 = 0
    public private(set) var steps = 0

    public init(store: TraceStore) {
        var world = WorldState()
        var open: [(state: TaskState, since: Int64, detail: String)?] = []
        var openResource: [(label: String, since: Int64)?] = []
        var laneOfTask: [Int] = []
        store.events.withRuns(in: 0..<store.events.count) { run, _ in
            for event in run {
                world.reduce(event)
                if event.kind == .caption {
                    captions.append((event.time, store.string(StringID(rawValue: UInt32(truncatingIfNeeded: event.arg)))))
                }
                noteMark(event, store: store)
                noteResource(event, world: world, store: store, open: &openResource)
                let index = event.task.index
                guard !event.task.isNone, index < world.tasks.count else { continue }
                while laneOfTask.count <= index {
                    laneOfTask.append(-1)
                    open.append(nil)
                }
                if laneOfTask[index] < 0 {
                    laneOfTask[index] = lanes.count
                    lanes.append(Lane(task: event.task, name: store.taskName(event.task), depth: 0))
                }
                let lane = laneOfTask[index]
                if event.kind == .taskResumed { lanes[lane].runs.append(event.time) }
                let snapshot = world.tasks[index]
                if let current = open[index], current.state != snapshot.state {
                    if current.state == .sleeping,
                       LaneBuilder.isOverdue(sleepingSince: current.since, deadline: snapshot.deadline, at: event.time) {
                        lanes[lane].segments.append(Segment(start: current.since, end: snapshot.deadline, state: .sleeping, detail: current.detail))
                        lanes[lane].segments.append(
                            Segment(start: snapshot.deadline, end: event.time, state: .ready, detail: "overdue: the loop was busy"))
                    } else {
                        lanes[lane].segments.append(Segment(start: current.since, end: event.time, state: current.state, detail: current.detail))
                    }
                }
                if open[index]?.state != snapshot.state {
                    open[index] = (snapshot.state, event.time, Self.detail(of: snapshot, store: store))
                }
            }
        }
        endTime = world.time
        steps = world.step
        for (index, current) in open.enumerated() {
            guard let current, laneOfTask[index] >= 0 else { continue }
            lanes[laneOfTask[index]].segments.append(
                Segment(start: current.since, end: max(current.since, endTime), state: current.state, detail: current.detail))
        }
        for (index, current) in openResource.enumerated() {
            guard let current, let row = resources.firstIndex(where: { $0.resource.index == index }) else { continue }
            resources[row].segments.append(Self.resourceSegment(current, kind: resources[row].kind, end: endTime))
        }
        orderLanes(store: store, taskCount: world.tasks.count, laneOfTask: laneOfTask)
    }

    /// The cycle the deadlock's edges close, from its first task back to it: "task1 waits for
    /// lock B held by task2, which waits for lock A held by task1". Nil when no edge closes one.
    public func deadlockCycle(store: TraceStore) -> String? {
        guard let first = deadlockEdges.first(where: { !$0.holder.isNone }) else { return nil }
        var parts: [String] = []
        var edge = first
        for _ in 0..<deadlockEdges.count {
            let resource = edge.resource.isNone || edge.resource.index >= store.resources.count
                ? "a resource" : store.resource(edge.resource).kindAndName
            parts.append("waits for \(resource) held by \(store.taskName(edge.holder))")
            if edge.holder == first.waiter {
                return store.taskName(first.waiter) + " " + parts.joined(separator: ", which ")
            }
            guard let next = deadlockEdges.first(where: { $0.waiter == edge.holder }) else { return nil }
            edge = next
        }
        return nil
    }

    /// Lanes in the TUI's order: each parent followed by its children.
    private mutating func orderLanes(store: TraceStore, taskCount: Int, laneOfTask: [Int]) {
        let tree = TaskTree(store: store, taskCount: taskCount)
        var ordered: [Lane] = []
        for (row, task) in tree.order.enumerated() where task.index < laneOfTask.count && laneOfTask[task.index] >= 0 {
            var lane = lanes[laneOfTask[task.index]]
            lane.depth = tree.depth[row]
            ordered.append(lane)
        }
        lanes = ordered
    }

    private static func detail(of snapshot: TaskSnapshot, store: TraceStore) -> String {
        switch snapshot.state {
        case .waiting:
            if !snapshot.awaited.isNone { return "waits for \(store.taskName(snapshot.awaited))" }
            guard !snapshot.resource.isNone, snapshot.resource.index < store.resources.count else { return "waits" }
            return "waits on \(store.resource(snapshot.resource).kindAndName)"
        case .sleeping: return "sleeps until \(formatSeconds(snapshot.deadline))"
        case .failed: return "failed: \(store.string(snapshot.error))"
        default: return snapshot.state.label
        }
    }

    private mutating func noteMark(_ event: TraceEvent, store: TraceStore) {
        let kind: Mark.Kind
        switch event.kind {
        case .faultInjected: kind = .fault
        case .taskFailed: kind = .failure
        case .taskCancelled: kind = .cancellation
        case .deadlock: kind = .deadlock
        case .checkFailed: kind = .check
        case .loopBlockEnded: kind = .blocked
        default: return
        }
        let fallback = "\(store.taskName(event.task)) \(kind == .cancellation ? "was cancelled" : kind.rawValue)"
        marks.append(Mark(kind: kind, time: event.time, task: event.task, text: EventText.describe(event, in: store) ?? fallback))
        if kind == .deadlock, !event.task.isNone, !deadlocked.contains(event.task) {
            deadlocked.append(event.task)
            deadlockEdges.append((event.task, event.resource, event.argTask))
        }
    }

    /// A resource's stretch: a lock's holder is named on the bar and said in full in the tooltip.
    private static func resourceSegment(_ open: (label: String, since: Int64), kind: ResourceKind, end: Int64) -> Segment {
        Segment(
            start: open.since, end: end, state: .running, detail: kind == .lock ? "held by \(open.label)" : open.label,
            label: open.label)
    }

    /// Who holds a lock, how many permits or items a semaphore or queue has, whether an event is set.
    private mutating func noteResource(
        _ event: TraceEvent, world: WorldState, store: TraceStore, open: inout [(label: String, since: Int64)?]
    ) {
        let id = event.resource
        guard !id.isNone, id.index < world.resources.count, id.index < store.resources.count else { return }
        let info = store.resource(id)
        let snapshot = world.resources[id.index]
        let label: String?
        switch info.kind {
        case .lock: label = snapshot.holder.isNone ? nil : store.taskName(snapshot.holder)
        case .semaphore, .boundedSemaphore: label = snapshot.value == 0 ? nil : "\(snapshot.value)/\(info.capacity) permits in use"
        case .queue: label = snapshot.value == 0 ? nil : "\(snapshot.value) item\(snapshot.value == 1 ? "" : "s") queued"
        case .event: label = snapshot.value == 0 ? nil : "set"
        default: return
        }
        if !resources.contains(where: { $0.resource == id }) {
            resources.append(ResourceRow(resource: id, name: info.name, kind: info.kind))
        }
        while open.count <= id.index { open.append(nil) }
        guard open[id.index]?.label != label else { return }
        if let current = open[id.index], let row = resources.firstIndex(where: { $0.resource == id }) {
            resources[row].segments.append(Self.resourceSegment(current, kind: info.kind, end: event.time))
        }
        open[id.index] = label.map { ($0, event.time) }
    }
}
