/// Turns events into the short sentences of the event log and the plain output.
///
/// ```swift
/// EventText.describe(event, in: store)   // "task2 finished"
/// ```
public enum EventText {
    /// A sentence for the event, without its time; `nil` for events too fine-grained to list.
    public static func describe(_ e: TraceEvent, in store: TraceStore) -> String? {
        let task = store.taskName(e.task)
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
            default: return "\(task) waits on \(res)"
            }
        case .taskWoken:
            if e.argTask.isNone { return e.resource.isNone ? "\(task) wakes up" : "\(task) woken by \(res)" }
            return "\(task) woken by \(store.taskName(e.argTask))"
        case .taskReturned: return "\(task) finished"
        case .taskFailed: return "\(task) failed: \(store.string(StringID(rawValue: UInt32(truncatingIfNeeded: e.arg))))"
        case .taskCancelled: return "\(task) cancelled"
        case .taskCancelRequested: return "\(store.taskName(e.argTask)) cancels \(task)"
        case .resourceCreated: return "\(task) creates \(known(e.resource, in: store)?.kind.label ?? "resource") \(res)"
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
            case .fail: return "fault injected: \(task) fails"
            case .cancel: return "fault injected: \(task) cancelled"
            case .stall: return "fault injected: \(task) will block the loop"
            case .ioFailure: return "fault injected: \(task)'s next I/O fails"
            case nil: return "fault injected into \(task)"
            }
        case .loopBlockStarted: return "\(task) blocks the loop"
        case .loopBlockEnded: return "loop blocked \(formatSeconds(e.arg)) by \(task)"
        case .lint: return store.string(StringID(rawValue: UInt32(truncatingIfNeeded: e.arg)))
        case .deadlock: return "DEADLOCK: \(task) waits for \(res) held by \(store.taskName(e.argTask))"
        case .userAction: return nil
        case .runEnded: return "run ended"
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
