import DequeModule
import InterleaveTrace

/// Watches a set of tasks for one waiting owner: gather, as-completed and task scopes share it.
///
/// Each time a watched task finishes the owner is woken to re-check its own condition, so each
/// combinator is just "wait until <condition>" over the same few counters.
final class GroupWatcher: WaitSource, TaskWatcher {
    let loop: Loop
    let resource: ResourceID
    @exclusivity(unchecked) private(set) var members: [TaskRecord] = []
    @exclusivity(unchecked) private(set) var remaining = 0
    /// Finished members in the order they finished, not yet taken by the owner: kept only when
    /// `keepsFinishOrder` (as-completed), since gather and scopes need the first failure alone.
    @exclusivity(unchecked) var finished = Deque<TaskRecord>()
    /// True when `finished` is kept (set before the first member is added).
    let keepsFinishOrder: Bool
    /// The first member that failed (cancellations are not failures).
    @exclusivity(unchecked) private(set) var firstFailure: TaskRecord?
    /// The first member that was cancelled.
    @exclusivity(unchecked) private(set) var firstCancelled: TaskRecord?
    /// Whichever of the two ended first (in the order members were seen to finish).
    @exclusivity(unchecked) private(set) var firstEndedBadly: TaskRecord?
    /// Called on the loop as each member finishes, before the owner re-checks (scopes cancel here).
    @exclusivity(unchecked) var onFinish: ((TaskRecord) -> Void)?
    /// The task waiting in `wait` or `drain`, while it waits. Not retained (a retain and a
    /// release as each member finished): that task's own frame holds it for the wait.
    @exclusivity(unchecked) private unowned(unsafe) var owner: TaskRecord?
    /// What the parked owner waits for; it is woken only once this holds (one wake, not one per member).
    @exclusivity(unchecked) private var wakeWhen: Condition?

    /// What an owner may wait for. Data rather than a closure: checked as each member finishes,
    /// a closure cost a retain and a release of its context each time.
    enum Condition {
        /// Every member has finished (scopes, `gather(returnExceptions:)`, draining).
        case allFinished
        /// Every member has finished, or one failed or was cancelled (`gather`).
        case allFinishedOrOneEndedBadly
        /// A member has finished that the owner has not taken yet (as-completed).
        case oneFinishedUntaken
    }

    func holds(_ condition: Condition) -> Bool {
        switch condition {
        case .allFinished: remaining == 0
        case .allFinishedOrOneEndedBadly: remaining == 0 || firstEndedBadly != nil
        case .oneFinishedUntaken: !finished.isEmpty
        }
    }

    init(loop: Loop, name: String, keepsFinishOrder: Bool = false, file: StaticString, line: UInt) {
        self.loop = loop
        self.keepsFinishOrder = keepsFinishOrder
        resource = loop.createResource(name, kind: .group, file: file, line: line)
    }

    func add(_ task: TaskRecord) {
        members.append(task)
        watch(task)
    }

    /// Adds every task of `tasks`, sharing the array as the members rather than copying it into
    /// them (a retain and a release a member).
    func addAll(_ tasks: [TaskRecord]) {
        if members.isEmpty { members = tasks } else { members.append(contentsOf: tasks) }
        for task in tasks { watch(task) }
    }

    private func watch(_ task: TaskRecord) {
        task.outcomeRetrieved = true
        if task.outcome.isFinished {
            record(task)
        } else {
            remaining += 1
            task.addWatcher(self)
        }
    }

    func taskFinished(_ task: TaskRecord) {
        remaining -= 1
        record(task)
        onFinish?(task)
        if let condition = wakeWhen, holds(condition), let owner, owner.parkedAt === self {
            loop.wake(owner, by: task.id, source: resource)
        }
    }

    private func record(_ task: TaskRecord) {
        if keepsFinishOrder { finished.append(task) }
        switch task.outcome {
        case .failed:
            if firstFailure == nil { firstFailure = task }
        case .cancelled:
            if firstCancelled == nil { firstCancelled = task }
        case .returned, .running:
            return
        }
        if firstEndedBadly == nil { firstEndedBadly = task }
    }

    /// Parks the current task until `condition` holds, re-checking as members finish.
    func wait(until condition: Condition, file: StaticString, line: UInt) async throws {
        let me = loop.currentRecord()
        owner = me
        wakeWhen = condition
        defer {
            wakeWhen = nil
            owner = nil
        }
        while !holds(condition) {
            loop.noteWait(me, on: resource, .gather, file: file, line: line)
            try await loop.suspend(me, on: self) {}
        }
        try loop.checkInterrupt(me)
    }

    /// Waits until `condition` holds; if the owner is cancelled or faulted meanwhile, its members
    /// are cancelled and awaited before the error is rethrown, so nothing outlives the owner.
    func waitOrCancelAll(until condition: Condition, file: StaticString, line: UInt) async throws {
        do {
            try await wait(until: condition, file: file, line: line)
        } catch {
            await cancelAndDrain(file: file, line: line)
            throw error
        }
    }

    /// Cancels every member and waits for all of them to end.
    func cancelAndDrain(file: StaticString, line: UInt) async {
        cancelAll()
        await drain(file: file, line: line)
    }

    /// Waits for every member to end, however the wait is interrupted (they are being cancelled).
    func drain(file: StaticString, line: UInt) async {
        let me = loop.currentRecord()
        owner = me
        wakeWhen = .allFinished
        defer {
            wakeWhen = nil
            owner = nil
        }
        while remaining > 0 {
            loop.noteWait(me, on: resource, .gather, file: file, line: line)
            await loop.suspendShielded(me, on: self) {}
        }
    }

    /// Cancels every member still running.
    func cancelAll(except spared: TaskRecord? = nil) {
        for task in members where task !== spared && !task.outcome.isFinished { loop.requestCancel(task) }
    }

    var traceResource: ResourceID { resource }
    func abandon(_ task: TaskRecord) {}
    func blockers(of task: TaskRecord) -> [TaskRecord] { members.filter { !$0.outcome.isFinished } }
}
