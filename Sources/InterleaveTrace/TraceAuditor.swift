/// The one checker of a trace's invariants: the rules any run must keep, whatever its code
/// and whatever the user injected, checked event by event as the trace grows.
///
/// It folds the events into a world state as it goes, so it follows a trace whose old events
/// are being discarded (`interleave soak`) as well as a whole recorded one (`TraceAudit`).
/// ```swift
/// var auditor = TraceAuditor(store: loop.store)
/// auditor.catchUp()                 // checks every event recorded so far
/// auditor.finish()                  // and what must hold at the end
/// auditor.violations                // [] when every invariant held
/// ```
public struct TraceAuditor {
    /// Which invariants to check.
    public struct Rules: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Every `taskWaiting` is ended by exactly one `taskWoken` (or an abandon) before the task
        /// waits again or ends; a task may stay parked at the end only if a deadlock names it.
        /// Sleeps and yields are followed too, since a wake may end them.
        public static let waits = Rules(rawValue: 1 << 0)
        /// A task must not end in the middle of a sleep (a fault ending a sleeper breaks it on purpose).
        public static let sleepsEnd = Rules(rawValue: 1 << 1)
        /// A lock is acquired only while free and released by its holder; a semaphore never has
        /// more permits in use than it has; a queue never holds more than its capacity.
        public static let resources = Rules(rawValue: 1 << 2)

        public static let all: Rules = [.waits, .sleepsEnd, .resources]
    }

    public let store: TraceStore
    public let rules: Rules
    /// The world as of the last event checked.
    public private(set) var world = WorldState()
    /// The first `keepingAtMost` violations found, in the order found.
    public private(set) var violations: [String] = []
    /// Every violation found, including those not kept.
    public private(set) var violationCount = 0
    private let limit: Int
    private var parkedAt: [TaskID: Int] = [:]
    private var sleepingSince: [TaskID: Int] = [:]
    private var yielded: Set<TaskID> = []
    private var deadlocked: Set<TaskID> = []

    public init(store: TraceStore, rules: Rules = .all, keepingAtMost limit: Int = .max) {
        self.store = store
        self.rules = rules
        self.limit = limit
    }

    /// Checks and folds every event recorded since the last call.
    public mutating func catchUp() {
        let events = store.events
        events.withRuns(in: world.eventCount..<events.count) { run, _ in
            for event in run {
                check(event, index: world.eventCount)
                world.reduce(event)
            }
        }
    }

    /// Catches up, then checks what must hold where the trace ends: no task still parked in a
    /// wait unless a deadlock names it. Call it once, when the run is over.
    public mutating func finish() {
        catchUp()
        guard rules.contains(.waits) else { return }
        for (task, index) in parkedAt.sorted(by: { $0.value < $1.value }) where !deadlocked.contains(task) {
            report("#\(index): \(store.taskName(task)) still waits at the end and no deadlock names it")
        }
    }

    /// What a run meant to end at rest breaks at its end (the world as checked so far): a
    /// deadlock, a task that never ended, a lock still held, permits in use, items queued.
    public func restViolations() -> [String] {
        var problems: [String] = []
        if world.deadlocked { problems.append("the loop reported a deadlock") }
        if world.liveTaskCount != 0 { problems.append("\(world.liveTaskCount) task(s) never ended") }
        for (index, resource) in world.resources.enumerated() {
            let info = store.resources[index]
            switch info.kind {
            case .lock where !resource.holder.isNone:
                problems.append("\(info.name) still held at the end")
            case .semaphore where resource.value != 0, .boundedSemaphore where resource.value != 0:
                problems.append("\(info.name) ends with \(resource.value) of \(info.capacity) permits in use")
            case .queue where resource.value != 0:
                problems.append("\(info.name) ends holding \(resource.value) item(s)")
            default:
                break
            }
        }
        return problems
    }

    private mutating func report(_ problem: String) {
        violationCount += 1
        if violations.count < limit { violations.append(problem) }
    }

    private mutating func check(_ e: TraceEvent, index: Int) {
        if rules.contains(.resources) { checkResource(e, index: index) }
        if rules.contains(.waits) { checkWait(e, index: index) }
    }

    private mutating func checkResource(_ e: TraceEvent, index: Int) {
        switch e.kind {
        case .lockAcquired:
            let holder = holder(of: e.resource)
            if !holder.isNone {
                report("#\(index): \(store.taskName(e.task)) acquired \(store.resourceName(e.resource)) held by \(store.taskName(holder))")
            }
        case .lockReleased:
            if holder(of: e.resource) != e.task {
                report("#\(index): \(store.taskName(e.task)) released \(store.resourceName(e.resource)) it did not hold")
            }
        case .semaphoreAcquired, .semaphoreReleased:
            let permits = store.resource(e.resource).capacity
            if e.arg < 0 || e.arg > permits {
                report("#\(index): \(store.resourceName(e.resource)) has \(e.arg) of \(permits) permits in use")
            }
        case .queuePut, .queueGot:
            let capacity = store.resource(e.resource).capacity
            if e.arg < 0 || (capacity > 0 && e.arg > capacity) {
                report("#\(index): \(store.resourceName(e.resource)) holds \(e.arg) items, capacity \(capacity)")
            }
        default:
            break
        }
    }

    /// The lock's holder before this event (`.none` for a resource the trace has not created).
    private func holder(of resource: ResourceID) -> TaskID {
        resource.isNone || resource.index >= world.resources.count ? .none : world.resources[resource.index].holder
    }

    private mutating func checkWait(_ e: TraceEvent, index: Int) {
        func name(_ id: TaskID) -> String { store.taskName(id) }
        switch e.kind {
        case .taskWaiting, .taskSleeping:
            if let previous = parkedAt[e.task] ?? sleepingSince[e.task] {
                report("#\(index): \(name(e.task)) waits again; its wait #\(previous) never ended")
            }
            if e.kind == .taskWaiting { parkedAt[e.task] = index } else { sleepingSince[e.task] = index }
        case .taskYielded:
            yielded.insert(e.task)
        case .taskResumed:
            yielded.remove(e.task)
        case .taskWaitAbandoned:
            // A recorded wait that never began: it ends without a wake.
            if !endWait(of: e.task) { report("#\(index): \(name(e.task)) abandoned a wait it was not in") }
        case .taskWoken:
            if !endWait(of: e.task) { report("#\(index): \(name(e.task)) woken while not waiting (resumed twice?)") }
        case .taskReturned, .taskFailed, .taskCancelled:
            if let previous = parkedAt.removeValue(forKey: e.task) {
                report("#\(index): \(name(e.task)) ended while its wait #\(previous) had not ended")
            }
            if let previous = sleepingSince.removeValue(forKey: e.task), rules.contains(.sleepsEnd) {
                report("#\(index): \(name(e.task)) ended while its sleep #\(previous) had not ended")
            }
            yielded.remove(e.task)
        case .deadlock:
            deadlocked.insert(e.task)
        default:
            break
        }
    }

    /// Ends whichever of a wait, a sleep or a yield the task is in; false when it is in none.
    private mutating func endWait(of task: TaskID) -> Bool {
        parkedAt.removeValue(forKey: task) != nil || sleepingSince.removeValue(forKey: task) != nil
            || yielded.remove(task) != nil
    }
}
