import InterleaveTrace

/// A fault to re-apply when a run is re-executed: when it happened (jobs run so far, the
/// virtual time, which may have moved on with no event, and the index of its event in the
/// original trace) and what it was.
public struct AppliedFault: Sendable {
    public var step: Int
    public var time: Int64
    public var fault: Fault
    public var task: TaskID
    /// The index of the fault's `.faultInjected` event in the original trace, when known: the
    /// timers that fired between the last job and the fault (their events come before it) must
    /// fire before it again, or the tasks they wake queue behind the faulted one.
    public var event: Int?
    public init(step: Int, time: Int64, fault: Fault, task: TaskID, event: Int? = nil) {
        self.step = step
        self.time = time
        self.fault = fault
        self.task = task
        self.event = event
    }
}

extension Loop {
    /// Runs exactly `steps` jobs headless (jumping the clock as needed), applying each fault at
    /// the step count and virtual time where it was first applied: how a live run is rewound
    /// deterministically.
    ///
    /// `throughEvent` is how many events the original trace held at the point being returned
    /// to: after the last job the original run may already have moved its clock and fired the
    /// timers due (a sleep ending at 1 s is part of the world shown at that step), and the
    /// re-executed run must stand at that same instant, or its clock would go on from the last
    /// job's time instead (the view said 1.000s, the resumed run 0.000s).
    /// ```swift
    /// loop.reexecute(steps: 3, injecting: [], throughEvent: 14)
    /// ```
    public func reexecute(steps: Int, injecting faults: [AppliedFault], throughEvent target: Int? = nil) {
        let previous = beginDriving("Loop.reexecute")
        defer { endDriving(restoring: previous) }
        var pending = faults[...]
        func applyDue() {
            while let next = pending.first, next.step <= stepCount {
                // A run paused between two jobs has fired the timers due (see
                // `settleBeforeNextJob`); a fault injected there came after them. Only timers
                // add events between two jobs, so firing them until the trace reaches the
                // fault's own event stands the run where the fault was made.
                if let event = next.event {
                    while store.events.count < event, let deadline = nextDeadline, deadline <= next.time,
                          advanceToNextTimer() {}
                }
                // The original run's clock may have moved past its last event before the fault.
                if next.time > nowNanoseconds, (nextDeadline ?? .max) >= next.time { setNow(next.time) }
                applyFault(next.fault, to: next.task)
                pending.removeFirst()
            }
        }
        while stepCount < steps {
            applyDue()
            if stepBound() { continue }
            if ready.awaitingChoice { break }
            if waitForOwedWork() { continue }
            if !advanceToNextTimer() { break }
        }
        applyDue()
        // Under a manual schedule the choices ahead of the step returned to are the driver's
        // to make again.
        forgetChoicesAhead()
        defer { revealPendingChoice() }
        guard let target else { return }
        // Only timers can add events between two jobs; a ready job means the next step has come.
        while store.events.count < target, ready.isEmpty, advanceToNextTimer() { applyDue() }
    }

    /// Moves the clock on to the instant the next job becomes ready, firing the timers due on
    /// the way: where a run that stops between two jobs stands. A view at step N shows the
    /// world just before job N + 1 (the trace cursor's steps end there), so a run stepped
    /// forward to N and a run rewound to N must both stand there, at the same time.
    func settleBeforeNextJob() {
        while ready.isEmpty, !inbox.hasWork, !isOwedWork, advanceToNextTimer() {}
        revealPendingChoice()
    }

    /// Records the choice a manual schedule waits for, if the loop stands at one: a run paused
    /// there shows what it offers at once, not at the next attempt to step.
    func revealPendingChoice() {
        guard ready.awaitingChoice else { return }
        _ = ready.pop()
        if ready.offerUnrecorded { recordChoiceOffer() }
    }
}
