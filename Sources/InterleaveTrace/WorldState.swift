/// The state a task is in at one moment.
public enum TaskState: UInt8, Sendable, CaseIterable {
    case created, ready, running, sleeping, waiting, blocking, returned, failed, cancelled

    /// True once the task has ended, one way or another.
    public var isFinished: Bool { self == .returned || self == .failed || self == .cancelled }
    /// A word for the UI and the plain timeline legend.
    public var label: String {
        switch self {
        case .created: "created"
        case .ready: "ready"
        case .running: "running"
        case .sleeping: "sleeping"
        case .waiting: "waiting"
        case .blocking: "blocking the loop"
        case .returned: "done"
        case .failed: "failed"
        case .cancelled: "cancelled"
        }
    }
}

/// One task's state at one moment; a plain value, so whole worlds copy with a memcpy.
// The fields go from small to large, so that they pack into 40 bytes (48 in the order they were
// written first): one of these is kept for every task of a run, a million in the soak.
public struct TaskSnapshot: Sendable, Equatable {
    public var state: TaskState = .created
    public var reason: WaitReason = .wait
    /// Where it stands in the source.
    public var location: LocationID = .unknown
    /// What it waits on (`.none` unless waiting).
    public var resource: ResourceID = .none
    /// The task it joins, when waiting with reason `.join`.
    public var awaited: TaskID = .none
    /// Index of the task's latest event, or `UInt32.max`.
    public var lastEvent: UInt32 = .max
    /// Index of the event that started the current wait (orders waiters FIFO).
    public var waitSince: UInt32 = 0
    /// String id of the error it failed with, when `.failed`.
    public var error: StringID = StringID(rawValue: .max)
    /// When the current state began (virtual ns).
    public var since: Int64 = 0
    /// The wake-up deadline when sleeping (virtual ns).
    public var deadline: Int64 = 0
    public init() {}
}

/// One resource's state at one moment.
public struct ResourceSnapshot: Sendable, Equatable {
    /// The lock's holder (`.none` when free).
    public var holder: TaskID = .none
    /// Permits in use (semaphore), items (queue), 1 if set (event), unfinished items (queue, in `aux`).
    public var value: Int64 = 0
    /// Queue: unfinished items (put minus task_done). Future: 0 pending, 1 resolved, 2 failed, 3 cancelled.
    public var aux: Int64 = 0
    /// Index of the resource's latest event.
    public var lastEvent: UInt32 = .max
    /// How many operations touched it (acquisitions, puts, gets…): contention at a glance.
    public var operations: UInt32 = 0
    public init() {}
}

/// Everything true at one point of a trace: the fold of its events up to there.
///
/// `reduce` applies one event; `WorldState` holds no references, so copying one for a
/// checkpoint is cheap and two copies never share mutable state.
/// ```swift
/// var world = WorldState()
/// for event in store.events.snapshot() { world.reduce(event) }
/// world.tasks[0].state   // .returned
/// ```
public struct WorldState: Sendable, Equatable {
    /// Events applied so far (the index of the next event).
    public var eventCount = 0
    /// Jobs run so far: the step number.
    public var step = 0
    /// Virtual time of the latest event (ns).
    public var time: Int64 = 0
    public var tasks: [TaskSnapshot] = []
    public var resources: [ResourceSnapshot] = []
    /// The task whose job ran last.
    public var running: TaskID = .none
    /// The task blocking the loop thread right now, and since when.
    public var blockingTask: TaskID = .none
    public var blockedSince: Int64 = 0
    /// The latest caption and when it was shown (event index), if any.
    public var caption: StringID? = nil
    public var captionEvent: Int = -1
    /// Index of the latest injected fault (the user's intervention), or -1.
    public var lastIntervention = -1
    /// Index of the latest diagnostic event (lint, deadlock or failed check), or -1.
    public var lastDiagnostic = -1
    /// Choices so far where the schedule ran a job ahead of FIFO's, and the latest one's index.
    public var preemptions = 0
    public var lastPreemption = -1
    /// How many checks or invariants have failed so far (see `check` in the runtime).
    public var failedChecks = 0
    /// Under a manual schedule: the tasks offered at the choice not made yet, in the order the
    /// digit keys number them (empty when no choice is pending), and that choice's number.
    public var choiceOffer: [TaskID] = []
    public var choiceNumber = -1
    /// Choices made so far under a manual schedule.
    public var choicesMade = 0
    /// Choices made when the run first failed (a failed check or a deadlock): a challenge's score.
    public var choicesAtFailure: Int?
    /// True from a detected deadlock until a job runs again (a fault or cancellation broke it).
    public var deadlocked = false
    /// True once the run ended.
    public var ended = false
    public var finishedTasks = 0
    public var failedTasks = 0
    public var cancelledTasks = 0

    public init() {}

    /// Applies one event (the event at index `eventCount`).
    public mutating func reduce(_ e: TraceEvent) {
        let index = UInt32(truncatingIfNeeded: eventCount)
        eventCount += 1
        time = e.time
        if !e.task.isNone, e.task.index < tasks.count || e.kind == .taskCreated {
            if e.kind == .taskCreated { ensureTask(e.task) }
            tasks[e.task.index].lastEvent = index
            if e.location != .unknown { tasks[e.task.index].location = e.location }
        }
        // A loaded file may name a task before its creation event; such events change no task.
        let knownTask = !e.task.isNone && e.task.index < tasks.count
        // The task's state comes from the one mapping the timeline's lanes replay too.
        if let state = e.kind.taskStateAfter {
            if state.isFinished { finish(e.task, state, at: e.time) } else { setState(e.task, state, at: e.time) }
        }
        switch e.kind {
        case .taskCreated, .taskYielded, .taskWoken, .taskWaitAbandoned, .taskReturned, .taskCancelled:
            break
        case .taskResumed:
            step += 1
            if !choiceOffer.isEmpty {
                choicesMade += 1
                choiceOffer = []
            }
            // A job ran, so nothing is stuck any more: someone broke the deadlock.
            deadlocked = false
            running = e.task
        case .taskSleeping:
            if knownTask { tasks[e.task.index].deadline = e.arg }
        case .taskWaiting:
            if knownTask {
                tasks[e.task.index].resource = e.resource
                tasks[e.task.index].reason = e.waitReason
                tasks[e.task.index].awaited = e.awaitedTask
                tasks[e.task.index].waitSince = index
            }
        case .taskFailed:
            if knownTask { tasks[e.task.index].error = StringID(rawValue: UInt32(truncatingIfNeeded: e.arg)) }
        case .faultInjected:
            lastIntervention = Int(index)
        case .taskCancelRequested, .output, .userAction, .ioStarted, .ioFinished:
            break
        case .resourceCreated:
            ensureResource(e.resource)
        case .lockAcquired:
            updateResource(e) { $0.holder = e.task }
        case .lockReleased:
            updateResource(e) { $0.holder = .none }
        case .semaphoreAcquired, .semaphoreReleased, .eventSet, .eventCleared, .queuePut, .queueGot:
            updateResource(e) { $0.value = e.arg }
        case .queueTaskDone:
            updateResource(e) { $0.aux = e.arg }
        case .conditionNotified:
            updateResource(e) { _ in }
        case .futureResolved:
            updateResource(e) { $0.aux = 1 }
        case .futureFailed:
            updateResource(e) { $0.aux = 2; $0.value = e.arg }
        case .futureCancelled:
            updateResource(e) { $0.aux = 3 }
        case .caption:
            caption = StringID(rawValue: UInt32(truncatingIfNeeded: e.arg))
            captionEvent = Int(index)
        case .loopBlockStarted:
            blockingTask = e.task
            blockedSince = e.time
        case .loopBlockEnded:
            blockingTask = .none
        case .lint:
            lastDiagnostic = Int(index)
        case .deadlock:
            deadlocked = true
            lastDiagnostic = Int(index)
            if choicesAtFailure == nil { choicesAtFailure = choicesMade }
        case .preempted:
            preemptions += 1
            lastPreemption = Int(index)
        case .checkFailed:
            failedChecks += 1
            lastDiagnostic = Int(index)
            if choicesAtFailure == nil { choicesAtFailure = choicesMade }
        case .choiceOffered:
            if Int(e.arg) != choiceNumber {
                choiceNumber = Int(e.arg)
                choiceOffer = []
            }
            choiceOffer.append(e.task)
        case .runEnded:
            ended = true
        }
        // A queue's put also adds an unfinished item, as asyncio's `join` counts them.
        if e.kind == .queuePut, e.resource.index < resources.count { resources[e.resource.index].aux += 1 }
    }

    private mutating func ensureTask(_ id: TaskID) {
        if id.index >= tasks.count {
            tasks.append(contentsOf: repeatElement(TaskSnapshot(), count: id.index + 1 - tasks.count))
        }
    }

    private mutating func ensureResource(_ id: ResourceID) {
        guard !id.isNone else { return }
        if id.index >= resources.count {
            resources.append(contentsOf: repeatElement(ResourceSnapshot(), count: id.index + 1 - resources.count))
        }
    }

    private mutating func setState(_ id: TaskID, _ state: TaskState, at time: Int64) {
        guard !id.isNone, id.index < tasks.count else { return }
        if tasks[id.index].state != state { tasks[id.index].since = time }
        if tasks[id.index].state == .waiting && state != .waiting {
            tasks[id.index].resource = .none
            tasks[id.index].awaited = .none
        }
        tasks[id.index].state = state
    }

    private mutating func finish(_ id: TaskID, _ state: TaskState, at time: Int64) {
        guard !id.isNone, id.index < tasks.count, !tasks[id.index].state.isFinished else { return }
        setState(id, state, at: time)
        finishedTasks += 1
        if state == .failed { failedTasks += 1 }
        if state == .cancelled { cancelledTasks += 1 }
        if running == id { running = .none }
    }

    private mutating func updateResource(_ e: TraceEvent, _ change: (inout ResourceSnapshot) -> Void) {
        guard !e.resource.isNone, e.resource.index < resources.count else { return }
        change(&resources[e.resource.index])
        resources[e.resource.index].lastEvent = UInt32(truncatingIfNeeded: eventCount - 1)
        resources[e.resource.index].operations &+= 1
    }
}
