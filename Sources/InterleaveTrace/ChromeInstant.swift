/// Which events a Chrome trace marks as instants, and how: the event log's sentence as the
/// name (what Perfetto prints on the marker), and the facts as args.
enum ChromeInstant {
    /// The instant's category (Perfetto filters by it), or `nil` for events the slices and
    /// flows already show (state changes, wakes) or too fine to mark (choices, user actions).
    static func category(of kind: EventKind) -> String? {
        switch kind {
        case .taskFailed: "failure"
        case .taskCancelled, .taskCancelRequested: "cancellation"
        case .faultInjected: "fault"
        case .output: "print"
        case .caption: "caption"
        case .checkFailed: "check"
        case .lint: "lint"
        case .deadlock: "deadlock"
        case .loopBlockEnded: "blocking"
        case .preempted: "schedule"
        case .runEnded: "run"
        case .lockAcquired, .lockReleased, .semaphoreAcquired, .semaphoreReleased, .eventSet, .eventCleared,
             .conditionNotified, .queuePut, .queueGot, .queueTaskDone, .futureResolved, .futureFailed,
             .futureCancelled, .ioStarted, .ioFinished:
            "resource"
        case .taskCreated, .taskResumed, .taskYielded, .taskSleeping, .taskWaiting, .taskWoken, .taskReturned,
             .taskWaitAbandoned, .resourceCreated, .loopBlockStarted, .userAction, .choiceOffered:
            nil
        }
    }

    /// A caption's own text; otherwise the event log's sentence.
    static func name(of e: TraceEvent, in store: TraceStore) -> String {
        if e.kind == .caption { return store.string(StringID(rawValue: UInt32(truncatingIfNeeded: e.arg))) }
        if e.kind == .taskCancelRequested, EventText.describe(e, in: store) == nil {
            return "\(store.taskName(e.task)) asked to cancel"
        }
        return EventText.describe(e, in: store) ?? "\(e.kind)"
    }

    /// The task and resource concerned, then the event's own facts.
    static func args(of e: TraceEvent, in store: TraceStore) -> JSONFields {
        var args = JSONFields()
        if !e.task.isNone { args.add("task", store.taskName(e.task)) }
        if let resource = ChromeStateSlice.known(e.resource, in: store) {
            args.add("resource", resource.name)
            args.add("resource_kind", resource.kind.label)
        }
        EventFacts.add(e, in: store, to: &args)
        return args
    }
}
