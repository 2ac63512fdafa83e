/// The facts an event's `arg` packs, unpacked into one named field each: the JSONL export's
/// kind-specific fields and the Chrome trace's instant args (documented in
/// `docs/jsonl-schema.md`). Strings are resolved, task-valued args become a name and an id,
/// and "none" becomes an absent field, never a sentinel number.
///
/// ```swift
/// var fields = JSONFields()
/// EventFacts.add(captionEvent, in: store, to: &fields)   // "caption":"main starts task1 …"
/// ```
enum EventFacts {
    static func add(_ e: TraceEvent, in store: TraceStore, to fields: inout JSONFields) {
        func string(_ arg: Int64) -> String { store.string(StringID(rawValue: UInt32(truncatingIfNeeded: arg))) }
        func task(_ key: String, _ id: TaskID) {
            guard !id.isNone else { return }
            fields.add(key, store.taskName(id))
            fields.add(key + "_id", Int(id.rawValue))
        }
        switch e.kind {
        case .taskCreated: task("parent", e.argTask)
        case .taskSleeping: fields.add("until_ns", e.arg)
        case .taskWaiting:
            fields.add("reason", "\(e.waitReason)")
            if e.waitReason == .join { task("awaits", e.awaitedTask) }
        case .taskWoken: task("waker", e.argTask)
        case .taskFailed, .futureFailed: fields.add("error", string(e.arg))
        case .taskCancelRequested: task("by", e.argTask)
        case .resourceCreated:
            if let info = ChromeStateSlice.known(e.resource, in: store), info.capacity != 0 { fields.add("capacity", info.capacity) }
        case .semaphoreAcquired, .semaphoreReleased:
            fields.add("in_use", e.arg)
            if let info = ChromeStateSlice.known(e.resource, in: store) { fields.add("capacity", info.capacity) }
        case .conditionNotified: fields.add("notified", e.arg)
        case .queuePut, .queueGot: fields.add("queued", e.arg)
        case .queueTaskDone: fields.add("unfinished", e.arg)
        case .ioStarted: fields.add("operation", string(e.arg))
        case .ioFinished:
            fields.add("ok", e.arg == 0)
            if e.arg != 0 { fields.add("error", string(e.arg &- 1)) }
        case .output: fields.add("text", string(e.arg))
        case .caption: fields.add("caption", string(e.arg))
        case .faultInjected:
            fields.add("fault", FaultKind(rawValue: UInt8(truncatingIfNeeded: e.arg)).map { "\($0)" } ?? "unknown")
        case .loopBlockStarted: fields.add("planned_ns", e.arg)
        case .loopBlockEnded: fields.add("blocked_ns", e.arg)
        case .lint, .checkFailed: fields.add("message", string(e.arg))
        case .deadlock: task("held_by", e.argTask)
        case .userAction:
            fields.add("action", UserAction(rawValue: UInt8(truncatingIfNeeded: e.arg)).map { "\($0)" } ?? "unknown")
        case .preempted: task("passed_over", e.argTask)
        case .choiceOffered: fields.add("choice", e.arg)
        case .taskResumed, .taskYielded, .taskReturned, .taskCancelled, .taskWaitAbandoned, .lockAcquired, .lockReleased,
             .eventSet, .eventCleared, .futureResolved, .futureCancelled, .runEnded:
            break
        }
    }
}
