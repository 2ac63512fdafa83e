import InterleaveTrace
import Synchronization

/// The loop's own book-keeping for one task: where it is parked, what is pending for it, and
/// whether it has an outcome (the failure, if it failed). A spawned task's record is a
/// `SpawnedTaskRecord`, which adds its body and typed value: one object a task, not two.
///
/// Touched only on the loop thread, but for `isPublished` and what it publishes;
/// `@unchecked Sendable` so cancellation handlers may carry it back to the loop.
// Unchecked: what touches it runs on the loop thread (`currentRecord` traps elsewhere); the
// handlers that carry it off the loop only post it back through the inbox (`Loop.onLoop`). The
// outcome is written once, on the loop thread, before `isPublished` is set with release
// ordering; other threads read it only after an acquiring load of `isPublished` saw it set.
@usableFromInline
class TaskRecord: @unchecked Sendable, WaitSource {
    // The fields are in an order that packs the small ones together: a class's fields are laid
    // out as declared, and every record of a run is alive at once in a spawn-heavy one.
    let id: TaskID
    /// True once the task's outcome (its value or `failure`) may be read, from any thread.
    @usableFromInline final let isPublished = Atomic<Bool>(false)
    /// True during a wait that must not be interrupted (see `Loop.suspendShielded`).
    @exclusivity(unchecked) var shielded = false
    /// True once someone awaited the outcome, so a failure was seen.
    @exclusivity(unchecked) var outcomeRetrieved = false
    /// True once the task's first job has run.
    @exclusivity(unchecked) var started = false
    /// True for tasks that did not come through `spawn` (seen only as jobs).
    let untracked: Bool
    /// True while the task is in its loop's list of unfinished tasks (see `LiveTaskList`), which
    /// links them through `liveAfter` and `liveBefore`.
    @exclusivity(unchecked) final var isLive = false
    let name: String
    /// The error the task failed with, once published.
    @exclusivity(unchecked) @usableFromInline final var failure: (any Error)?
    /// The continuation of the current wait; taken exactly once to resume it.
    @exclusivity(unchecked) var continuation: UnsafeContinuation<Void, any Error>?
    /// What the task waits on, while it waits. Not retained (that cost a retain and a release a
    /// wait): the parked task's own frame holds its source (the primitive whose method waits,
    /// or the loop's), and the field is cleared when the wait ends.
    @exclusivity(unchecked) unowned(unsafe) var parkedAt: (any WaitSource)?
    /// Bumped whenever a wait ends, so that stale timer entries are ignored.
    @exclusivity(unchecked) var waitGeneration: UInt64 = 0
    @exclusivity(unchecked) var outcome: Outcome = .running
    /// Tasks parked until this one finishes.
    @exclusivity(unchecked) var joiners: [TaskRecord] = []
    /// The first group (gather, as-completed, scope) told when this task finishes: nearly every
    /// task has at most one, and others are kept in `uncommon`.
    @exclusivity(unchecked) private var firstWatcher: (any TaskWatcher)?
    /// What a spawned task's first job runs, given the record (its body, storing the value),
    /// until then (see `Loop.runSpawned`).
    @exclusivity(unchecked) @usableFromInline final var run: (@Sendable (TaskRecord) async throws -> Void)?
    /// The underlying Swift task, to cancel it (nil for tasks seen only as jobs until adopted).
    @exclusivity(unchecked) var swiftTask: SwiftTaskHandle?
    /// The job address the Swift runtime uses for this task (0 when unknown).
    @exclusivity(unchecked) var address: UInt = 0
    /// What few tasks have (an injected fault, a cancellation, more watchers); nil until needed
    /// (see `UncommonTaskState`).
    @exclusivity(unchecked) var uncommon: UncommonTaskState?
    /// What a loop routing standard Swift concurrency keeps about the task; nil until needed,
    /// so that tasks elsewhere stay as small as they were (see `StandardTaskState`).
    @exclusivity(unchecked) var standard: StandardTaskState?
    @exclusivity(unchecked) final var liveAfter: Unmanaged<TaskRecord>?
    @exclusivity(unchecked) final var liveBefore: Unmanaged<TaskRecord>?

    enum Outcome {
        case running, returned, failed(any Error), cancelled
        var isFinished: Bool { if case .running = self { false } else { true } }
    }

    @usableFromInline
    init(id: TaskID, name: String, untracked: Bool = false) {
        self.id = id
        self.name = name
        self.untracked = untracked
    }

    /// Stores the task's failure and makes it visible to every thread; called once.
    final func publish(failure: any Error) {
        self.failure = failure
        dropBody()
        isPublished.store(true, ordering: .releasing)
    }

    /// Lets go of the task's body, which a task that fails before it runs never takes: what the
    /// body captures (primitives, which hold the loop) must not live on with the record.
    func dropBody() { run = nil }

    var traceResource: ResourceID { .none }

    /// Adds a group to tell when the task finishes; groups are told in the order they came.
    func addWatcher(_ watcher: any TaskWatcher) {
        if firstWatcher == nil { firstWatcher = watcher } else { uncommonState.otherWatchers.append(watcher) }
    }

    /// Tells every watcher that the task has finished, and forgets them.
    func notifyWatchers() {
        guard let first = firstWatcher else { return }
        firstWatcher = nil
        first.taskFinished(self)
        guard let uncommon, !uncommon.otherWatchers.isEmpty else { return }
        let others = uncommon.otherWatchers
        uncommon.otherWatchers = []
        for watcher in others { watcher.taskFinished(self) }
    }

    func abandon(_ task: TaskRecord) {
        joiners.removeAll { $0 === task }
    }

    func blockers(of task: TaskRecord) -> [TaskRecord] { [self] }
}

/// The Swift task under a task record, kept to cancel it: the task itself (spawned), or the
/// address of one the loop adopted. An enum rather than a closure: no allocation per task.
enum SwiftTaskHandle {
    case spawned(Task<Void, Never>)
    case adopted(address: UInt)

    func cancel() {
        switch self {
        case .spawned(let task): task.cancel()
        case .adopted(let address): RuntimeTaskLayout.cancel(address)
        }
    }
}

/// Something that wants to know when a task finishes (gather, as-completed, task scopes).
protocol TaskWatcher: AnyObject {
    func taskFinished(_ task: TaskRecord)
}

/// What a routing loop keeps about one task (loop thread only), beside its `TaskRecord`.
final class StandardTaskState {
    /// The wake-up job of the standard sleep (`Task.sleep`) the task is in, parked on the
    /// loop's timers; nil when it is in none.
    var sleepWakeJob: UnownedJob?
    /// Queued again during its own job (it yielded, or hopped executors).
    var requeued = false
    /// Suspended at an await the loop does not see into, until a job of it comes.
    var suspended = false
    /// Real monotonic time (ns) at which the task's current run of jobs began: the start of its
    /// first job after a real suspension (a hop between executors does not start a new run).
    var runStartedAt: Int64 = 0
    /// Its last job ended in a hop rather than a suspension.
    var hopped = false
    /// It called `Task.yield()` in its running job (see `Loop.takeYieldJob`).
    var yielding = false
    /// Where it stood in the program's source the last time its running step was seen there
    /// (see `Loop.noteStandardCallSite`); unknown at the start of each step.
    var location: LocationID = .unknown
    /// An adopted unstructured task (`Task {}`), which may outlive its creator.
    var outlivesParent = false
    /// The loop holds a reference to the adopted task, so that cancelling it can never touch a
    /// freed task (released when it ends, or when the loop closes).
    var retainedByLoop = false
    /// A job of the task came from another thread (reported once, by a lint).
    var resumedFromAnotherThread = false
}

/// The standard state's fields as the task's own: reading one of a task that has none gives its
/// default without making one; setting one makes it.
extension TaskRecord {
    var standardState: StandardTaskState {
        if let standard { return standard }
        let made = StandardTaskState()
        standard = made
        return made
    }

    var standardSleepWakeJob: UnownedJob? {
        get { standard?.sleepWakeJob }
        set { standardState.sleepWakeJob = newValue }
    }
    var standardRequeued: Bool {
        get { standard?.requeued ?? false }
        set { standardState.requeued = newValue }
    }
    var standardSuspended: Bool {
        get { standard?.suspended ?? false }
        set { standardState.suspended = newValue }
    }
    var standardRunStartedAt: Int64 {
        get { standard?.runStartedAt ?? 0 }
        set { standardState.runStartedAt = newValue }
    }
    var standardHopped: Bool {
        get { standard?.hopped ?? false }
        set { standardState.hopped = newValue }
    }
    var outlivesParent: Bool {
        get { standard?.outlivesParent ?? false }
        set { standardState.outlivesParent = newValue }
    }
    var retainedByLoop: Bool {
        get { standard?.retainedByLoop ?? false }
        set { standardState.retainedByLoop = newValue }
    }
    var resumedFromAnotherThread: Bool {
        get { standard?.resumedFromAnotherThread ?? false }
        set { standardState.resumedFromAnotherThread = newValue }
    }
}
