/// Turns events into the short sentences of the event log and the plain output.
///
/// ```swift
/// EventText.describe(event, in: store)   // "task2 finished"
/// ```
public enum EventText {
    /// Who did what no task of the loop did.
    public static let outsideTheLoop = "code outside the loop"

    /// A sentence for the event, without its time; `nil` for events too fine-grained to list.
    public static func describe(_ e: TraceEvent, in store: TraceStore) -> String? {
        // No task did it: code outside the loop's tasks did (a call from another thread that
        // hopped onto the loop, or the code that set the run up).
        let task = e.task.isNone ? outsideTheLoop : store.taskName(e.task)
        let res = store.resourceName(e.resource)
        switch e.kind {
        case .taskCreated:
            return e.argTask.isNone ? "\(task) created" : "\(task) created by \(store.taskName(e.argTask))"
        case .taskResumed, .taskYielded, .taskWaitAbandoned: return nil
        case .taskSleeping: return "\(task) sleeps until \(formatSeconds(e.arg))"
        case .taskWaiting:
            switch e.waitReason {
            case .join: return "\(task) awaits \(store.taskName(e.awaitedTask))"
            case .acquire: return "\(task) waits to acquire \(res)"
            case .put: return "\(task) waits to put into \(res) (full)"
            case .get: return "\(task) waits to get from \(res) (empty)"
            case .result: return "\(task) awaits \(res)"
            case .gather: return "\(task) awaits \(res)"
            case .suspended: return e.resource.isNone ? "\(task) suspends at an await" : "\(task) awaits \(res)"
            default: return "\(task) waits on \(res)"
            }
        case .taskWoken:
            guard e.argTask.isNone else { return "\(task) woken by \(store.taskName(e.argTask))" }
            if let cause = interruption(before: e, in: store) { return "\(task)'s wait interrupted (\(cause))" }
            return e.resource.isNone ? "\(task) wakes up" : "\(task) woken by \(res)"
        case .taskReturned: return "\(task) finished"
        case .taskFailed: return "\(task) failed: \(store.string(StringID(rawValue: UInt32(truncatingIfNeeded: e.arg))))"
        case .taskCancelled: return "\(task) cancelled"
        case .taskCancelRequested:
            if !e.argTask.isNone { return "\(store.taskName(e.argTask)) cancels \(task)" }
            if !e.resource.isNone { return "\(named(e.resource, in: store)) cancels \(task)" }
            // The line before already says "you cancelled task2".
            if previous(of: e, in: store).map(isInjectedCancel) == true { return nil }
            // No task asked: the loop did, winding the run down (a timeout's cancel is recorded
            // as its waiting caller's, so it reads "main cancels slow_query").
            return "the loop cancels \(task)"
        case .resourceCreated: return "\(task) creates \(named(e.resource, in: store))"
        case .lockAcquired: return "\(task) acquired \(res)"
        case .lockReleased: return "\(task) released \(res)"
        case .semaphoreAcquired:
            return "\(task) acquired \(res) (\(e.arg)/\(capacity(of: e.resource, in: store)) in use)"
        case .semaphoreReleased:
            return "\(task) released \(res) (\(e.arg)/\(capacity(of: e.resource, in: store)) in use)"
        case .eventSet: return "\(task) sets \(res)"
        case .eventCleared: return "\(task) clears \(res)"
        case .conditionNotified: return "\(task) notifies \(res) (\(e.arg) woken)"
        case .queuePut: return "\(task) puts into \(res) (\(e.arg) queued)"
        case .queueGot: return "\(task) gets from \(res) (\(e.arg) queued)"
        case .queueTaskDone: return "\(task) marks an item of \(res) done (\(e.arg) unfinished)"
        case .futureResolved: return "\(task) resolves \(res)"
        case .futureFailed: return "\(task) fails \(res): \(store.string(StringID(rawValue: UInt32(truncatingIfNeeded: e.arg))))"
        case .futureCancelled: return "\(task) cancels \(res)"
        case .ioStarted: return "\(task) starts \(store.string(StringID(rawValue: UInt32(truncatingIfNeeded: e.arg))))"
        case .ioFinished: return e.arg == 0 ? "\(task) I/O done" : "\(task) I/O failed: \(store.string(StringID(rawValue: UInt32(truncatingIfNeeded: e.arg - 1))))"
        case .output: return "\(task): \(store.string(StringID(rawValue: UInt32(truncatingIfNeeded: e.arg))))"
        case .caption: return nil
        case .faultInjected:
            switch FaultKind(rawValue: UInt8(truncatingIfNeeded: e.arg)) {
            // Only the person at the keyboard injects faults, so the sentence says what they did.
            case .fail: return "you made \(task) fail"
            case .cancel: return "you cancelled \(task)"
            case .stall: return "you made \(task) block the loop"
            case .ioFailure: return "you made \(task)'s next I/O fail"
            case nil: return "you injected a fault into \(task)"
            }
        case .loopBlockStarted: return "\(task) blocks the loop"
        case .loopBlockEnded: return "loop blocked \(formatSeconds(e.arg)) by \(task)"
        case .lint: return store.string(StringID(rawValue: UInt32(truncatingIfNeeded: e.arg)))
        case .deadlock:
            let waits = "DEADLOCK: \(task) waits for \(res)"
            // Without a holder it is a wait no task can end, such as a group whose tasks are stuck.
            return e.argTask.isNone ? waits + ", which no task can end" : waits + " held by \(store.taskName(e.argTask))"
        case .userAction: return nil
        case .runEnded: return "run ended"
        case .preempted:
            // The job passed over may be an actor's, which belongs to no task the trace names.
            return e.argTask.isNone ? "the schedule runs \(task) out of FIFO order"
                : "the schedule runs \(task) ahead of \(store.taskName(e.argTask))"
        case .choiceOffered:
            return "choice \(e.arg + 1) offers \(task)"
        case .checkFailed:
            let message = store.string(StringID(rawValue: UInt32(truncatingIfNeeded: e.arg)))
            return e.task.isNone ? "CHECK FAILED: \(message)" : "CHECK FAILED in \(task): \(message)"
        }
    }

    /// "lock db", "lock A" (not "lock lock A"), or "resource -" for an id the trace does not know.
    private static func named(_ id: ResourceID, in store: TraceStore) -> String {
        known(id, in: store)?.kindAndName ?? "resource \(store.resourceName(id))"
    }

    /// The task's event before `e` in its own chain, if the store has it.
    private static func previous(of e: TraceEvent, in store: TraceStore) -> TraceEvent? {
        let index = Int(e.previousOfTask)
        return e.previousOfTask == .max || index >= store.events.count ? nil : store.events[index]
    }

    private static func isInjectedCancel(_ e: TraceEvent) -> Bool {
        e.kind == .faultInjected && FaultKind(rawValue: UInt8(truncatingIfNeeded: e.arg)) == .cancel
    }

    /// Why a wake that no task caused came: the runtime ends a wait early for a cancellation or
    /// an injected failure right after recording it on the same task; `nil` for ordinary wakes
    /// (a timer, finished I/O).
    private static func interruption(before e: TraceEvent, in store: TraceStore) -> String? {
        guard let cause = previous(of: e, in: store), cause.time == e.time else { return nil }
        switch cause.kind {
        case .taskCancelRequested: return "cancelled"
        case .faultInjected:
            return FaultKind(rawValue: UInt8(truncatingIfNeeded: cause.arg)) == .fail ? "made to fail" : nil
        default: return nil
        }
    }

    /// The resource's entry, or nil for `ResourceID.none` and ids a loaded file got wrong.
    private static func known(_ id: ResourceID, in store: TraceStore) -> ResourceInfo? {
        id.isNone || id.index >= store.resources.count ? nil : store.resource(id)
    }

    private static func capacity(of id: ResourceID, in store: TraceStore) -> String {
        known(id, in: store).map { "\($0.capacity)" } ?? "?"
    }
}
