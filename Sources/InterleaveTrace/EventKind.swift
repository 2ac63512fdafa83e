/// What one trace event records; the raw value is stored on disk, so cases are only ever appended.
///
/// Field conventions (see `docs/trace-format.md`): `task` is the subject of task events and the
/// actor of resource events; `arg` carries the value *after* the operation, so that any single
/// event can be folded into the world state without looking back.
public enum EventKind: UInt8, Sendable, CaseIterable {
    // Task lifecycle: `task` is the task whose state changes.
    /// arg = parent task raw value (`TaskID.none` for a root task).
    case taskCreated = 0
    /// A job of the task starts running: one step of the loop.
    case taskResumed = 1
    /// The task yielded and is ready again (`Task.yield`, `sleep(0)`).
    case taskYielded = 2
    /// arg = deadline in virtual nanoseconds.
    case taskSleeping = 3
    /// resource = what it waits on; arg = `WaitReason` raw value << 32 | awaited task (for joins).
    case taskWaiting = 4
    /// The task became ready; arg = waker task raw value (`TaskID.none` for the clock); resource = the source.
    case taskWoken = 5
    case taskReturned = 6
    /// arg = string id of the error's description.
    case taskFailed = 7
    case taskCancelled = 8
    /// Someone asked the task to cancel; arg = the requester's raw value.
    case taskCancelRequested = 9
    /// A wait was recorded but never began (a pending fault or cancellation was thrown instead):
    /// the task goes on running.
    case taskWaitAbandoned = 10

    // Resources: `task` is the actor, `resource` the resource, `arg` the value after the operation.
    case resourceCreated = 20
    /// arg = holder raw value.
    case lockAcquired = 21
    case lockReleased = 22
    /// arg = permits in use after.
    case semaphoreAcquired = 23
    case semaphoreReleased = 24
    case eventSet = 25
    case eventCleared = 26
    /// arg = number of waiters notified.
    case conditionNotified = 27
    /// arg = items in the queue after.
    case queuePut = 28
    case queueGot = 29
    /// arg = unfinished items after.
    case queueTaskDone = 30
    case futureResolved = 31
    /// arg = string id of the error's description.
    case futureFailed = 32
    case futureCancelled = 33
    /// An I/O operation started (resource = the I/O channel); arg = string id of what.
    case ioStarted = 34
    /// arg = 0 on success, else string id + 1 of the error.
    case ioFinished = 35

    // The loop and diagnostics.
    /// A line the task printed; arg = string id.
    case output = 50
    /// Narration for this moment; arg = string id.
    case caption = 51
    /// arg = `FaultKind` raw value; task = target.
    case faultInjected = 52
    /// The task started blocking the loop thread; arg = planned duration in nanoseconds.
    case loopBlockStarted = 53
    /// The block ended; arg = actual virtual duration in nanoseconds.
    case loopBlockEnded = 54
    /// A lint; arg = string id of its text; task = the task concerned.
    case lint = 55
    /// One edge of a detected deadlock: task waits on resource, held by arg (a task raw value).
    case deadlock = 56
    /// Something the user did while recording; arg = `UserAction` raw value.
    case userAction = 57
    /// The run ended: every task finished, or nothing can make progress.
    case runEnded = 58
    /// A `check` or an invariant did not hold; arg = string id of its message; task = the task
    /// that checked (none for an invariant, checked between jobs).
    case checkFailed = 59
    /// The schedule ran `task`'s job ahead of the one FIFO would have run (a preemption, under
    /// a replayed or explored schedule); arg = that job's task (none when not a task's job).
    case preempted = 60
    /// A manual schedule offers `task`'s job at a choice (one event per job ready, in the order
    /// they became ready); arg = the choice's number, counting from 0.
    case choiceOffered = 61
}

/// Why a task waits, packed into `taskWaiting`'s arg.
public enum WaitReason: UInt8, Sendable {
    case acquire = 0, wait = 1, put = 2, get = 3, join = 4, result = 5, io = 6, notify = 7, gather = 8
    /// A standard Swift task suspended at an await the loop does not see into (a continuation,
    /// a child task, an actor, a stream); what wakes it is recorded as its waker.
    case suspended = 9
}

/// The failure injected by `faultInjected`.
public enum FaultKind: UInt8, Sendable {
    case fail = 0, cancel = 1, stall = 2, ioFailure = 3
}

/// A user action recorded in a trace (for replay fidelity and teaching notes).
public enum UserAction: UInt8, Sendable {
    case pause = 0, resume = 1, step = 2, stepBack = 3, speed = 4, restart = 5
}
