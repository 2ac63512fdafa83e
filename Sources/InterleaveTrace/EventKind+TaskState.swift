extension EventKind {
    /// The state an event of this kind puts its task in, or `nil` when it leaves the state alone.
    /// The one mapping: `WorldState.reduce` applies it, and the timeline's lanes and the task
    /// detail replay it, so a lane can never show a task in a state the world never had.
    /// Exhaustive on purpose: a new kind must be decided here, not fall into a default.
    public var taskStateAfter: TaskState? {
        switch self {
        case .taskCreated: .created
        case .taskResumed, .taskWaitAbandoned, .loopBlockEnded: .running
        case .taskYielded, .taskWoken: .ready
        case .taskSleeping: .sleeping
        case .taskWaiting: .waiting
        case .taskReturned: .returned
        case .taskFailed: .failed
        case .taskCancelled: .cancelled
        case .loopBlockStarted: .blocking
        case .taskCancelRequested, .resourceCreated, .lockAcquired, .lockReleased, .semaphoreAcquired,
            .semaphoreReleased, .eventSet, .eventCleared, .conditionNotified, .queuePut, .queueGot,
            .queueTaskDone, .futureResolved, .futureFailed, .futureCancelled, .ioStarted, .ioFinished,
            .output, .caption, .faultInjected, .lint, .deadlock, .userAction, .runEnded, .checkFailed, .preempted, .choiceOffered:
            nil
        }
    }
}

extension TraceEvent {
    /// The state this event puts its task in (`EventKind.taskStateAfter`), or `nil`.
    public var taskStateAfter: TaskState? { kind.taskStateAfter }
}
