/// Consistency checks over a whole recorded trace, independent of what the workload did: the
/// invariants any run must keep, whatever its code and whatever the user injected.
///
/// ```swift
/// TraceAudit.resourceViolations(store)   // [] when no lock had two holders, no semaphore ran over
/// ```
public enum TraceAudit {
    /// Every `taskWaiting` must be followed by exactly one `taskWoken` of that task before the
    /// task waits again or ends; a task may stay parked only if the run reported a deadlock
    /// naming it. Returns a description of each violation.
    ///
    /// `includeSleeps` applies the same rule to `taskSleeping` (a sleep is ended by a wake too).
    /// A `taskYielded` may be ended by a wake or simply by the task's next job.
    public static func waitWakeViolations(_ store: TraceStore, includeSleeps: Bool = false) -> [String] {
        let events = store.events.snapshot()
        var parkedAt: [TaskID: Int] = [:]
        var sleepingSince: [TaskID: Int] = [:]
        var yielded: Set<TaskID> = []
        var problems: [String] = []
        func name(_ id: TaskID) -> String { store.taskName(id) }
        for (index, e) in events.enumerated() {
            switch e.kind {
            case .taskWaiting, .taskSleeping:
                if let previous = parkedAt[e.task] ?? sleepingSince[e.task] {
                    problems.append("#\(index): \(name(e.task)) waits again; its wait #\(previous) never ended")
                }
                if e.kind == .taskWaiting { parkedAt[e.task] = index } else { sleepingSince[e.task] = index }
            case .taskYielded:
                yielded.insert(e.task)
            case .taskResumed:
                yielded.remove(e.task)
            case .taskWaitAbandoned:
                // A recorded wait that never began: it ends without a wake.
                if parkedAt.removeValue(forKey: e.task) == nil, sleepingSince.removeValue(forKey: e.task) == nil,
                   yielded.remove(e.task) == nil {
                    problems.append("#\(index): \(name(e.task)) abandoned a wait it was not in")
                }
            case .taskWoken:
                if parkedAt.removeValue(forKey: e.task) == nil, sleepingSince.removeValue(forKey: e.task) == nil,
                   yielded.remove(e.task) == nil {
                    problems.append("#\(index): \(name(e.task)) woken while not waiting (resumed twice?)")
                }
            case .taskReturned, .taskFailed, .taskCancelled:
                if let previous = parkedAt.removeValue(forKey: e.task) {
                    problems.append("#\(index): \(name(e.task)) ended while its wait #\(previous) had not ended")
                }
                if let previous = sleepingSince.removeValue(forKey: e.task), includeSleeps {
                    problems.append("#\(index): \(name(e.task)) ended while its sleep #\(previous) had not ended")
                }
            default:
                break
            }
        }
        let deadlocked = Set(events.filter { $0.kind == .deadlock }.map(\.task))
        for (task, index) in parkedAt where !deadlocked.contains(task) {
            problems.append("#\(index): \(name(task)) still waits at the end and no deadlock names it")
        }
        return problems.sorted()
    }

    /// Resource invariants read from the trace alone: a lock is acquired only while free and
    /// released by its holder; a semaphore never has more permits in use than it has; a queue
    /// never holds more than its capacity.
    public static func resourceViolations(_ store: TraceStore) -> [String] {
        var holders: [ResourceID: TaskID] = [:]
        var problems: [String] = []
        for (index, e) in store.events.snapshot().enumerated() {
            switch e.kind {
            case .lockAcquired:
                if let holder = holders[e.resource] {
                    problems.append("#\(index): \(store.taskName(e.task)) acquired \(store.resourceName(e.resource)) held by \(store.taskName(holder))")
                }
                holders[e.resource] = e.task
            case .lockReleased:
                if holders.removeValue(forKey: e.resource) != e.task {
                    problems.append("#\(index): \(store.taskName(e.task)) released \(store.resourceName(e.resource)) it did not hold")
                }
            case .semaphoreAcquired, .semaphoreReleased:
                let permits = store.resource(e.resource).capacity
                if e.arg < 0 || e.arg > permits {
                    problems.append("#\(index): \(store.resourceName(e.resource)) has \(e.arg) of \(permits) permits in use")
                }
            case .queuePut, .queueGot:
                let capacity = store.resource(e.resource).capacity
                if e.arg < 0 || (capacity > 0 && e.arg > capacity) {
                    problems.append("#\(index): \(store.resourceName(e.resource)) holds \(e.arg) items, capacity \(capacity)")
                }
            default:
                break
            }
        }
        return problems
    }
}
