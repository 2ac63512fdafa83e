/// What few tasks ever have, beside their `TaskRecord`: what a user injected into the task, its
/// cancellations, and the groups told of its end after the first. Made on first need (loop
/// thread only).
///
/// Kept apart so that the record of a task that has none of it (nearly every task) is smaller:
/// a spawn-heavy run keeps every record alive at once. Moved here, with the record's small
/// fields packed together, a spawned task's record is 216 bytes, not 296.
final class UncommonTaskState {
    /// An error to throw at the task's next suspension point (an injected fault).
    var pendingFault: (any Error)?
    /// A blocking call to perform the next time the task runs.
    var pendingStall: Duration?
    /// The task's next I/O fails (an injected failure).
    var pendingIOFailure = false
    /// Cancellations asked for and delivered: asyncio delivers each once, so a task that
    /// catches its cancellation may go on awaiting (cleanup) without it being thrown again.
    var cancelRequests = 0
    var cancelsDelivered = 0
    /// Groups told when the task finishes, after its first (`TaskRecord.firstWatcher`).
    var otherWatchers: [any TaskWatcher] = []
}

/// The uncommon state's fields as the task's own: reading one of a task that has none gives its
/// default without making one; setting one to something other than its default makes it.
extension TaskRecord {
    var uncommonState: UncommonTaskState {
        if let uncommon { return uncommon }
        let made = UncommonTaskState()
        uncommon = made
        return made
    }

    var pendingFault: (any Error)? {
        get { uncommon?.pendingFault }
        set { if newValue != nil || uncommon != nil { uncommonState.pendingFault = newValue } }
    }
    var pendingStall: Duration? {
        get { uncommon?.pendingStall }
        set { if newValue != nil || uncommon != nil { uncommonState.pendingStall = newValue } }
    }
    var pendingIOFailure: Bool {
        get { uncommon?.pendingIOFailure ?? false }
        set { if newValue || uncommon != nil { uncommonState.pendingIOFailure = newValue } }
    }
    var cancelRequests: Int {
        get { uncommon?.cancelRequests ?? 0 }
        set { if newValue != 0 || uncommon != nil { uncommonState.cancelRequests = newValue } }
    }
    var cancelsDelivered: Int {
        get { uncommon?.cancelsDelivered ?? 0 }
        set { if newValue != 0 || uncommon != nil { uncommonState.cancelsDelivered = newValue } }
    }
    var hasUndeliveredCancel: Bool {
        guard let uncommon else { return false }
        return uncommon.cancelRequests > uncommon.cancelsDelivered
    }
}
