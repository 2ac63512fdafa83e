import InterleaveTrace

/// The schedule a run follows: the choices made where more than one job was ready, and the
/// trace's note of each one that differs from FIFO.
extension Loop {
    /// The choices this run has made where more than one job was ready (all 0 under FIFO).
    /// Loop thread, or once the run is over.
    public var scheduleMade: Schedule { ready.schedule }

    /// True when a manual schedule waits for the driver to say which ready job runs next
    /// (`choose(_:)`); nothing runs until it does. Loop thread.
    public var awaitingChoice: Bool { ready.awaitingChoice }

    /// Choices made so far. Loop thread, or once the run is over.
    public var choicesMade: Int { ready.choiceCount }

    /// Choices made when the run failed: at the first failed check, else in the whole run.
    /// How many decisions a schedule needed to reach a bug (a challenge's score).
    public var failureChoices: Int { failures.firstCheck == nil ? ready.choiceCount : failures.firstCheckChoices }

    /// Makes the choice a manual schedule waits for: `index` into the jobs ready, in the order
    /// they became ready (as the trace's `.choiceOffered` events list them). Loop thread.
    public func choose(_ index: Int) { ready.supplyChoice(index) }

    /// Drops the manual choices the run has not reached yet: after a rewind, the choices ahead
    /// are the driver's to make again. Loop thread.
    public func forgetChoicesAhead() { ready.forgetUnmadeChoices() }

    /// Records the jobs offered at a manual choice, each as a `.choiceOffered` event of its
    /// task, numbered by the choice (so a view can number the lanes 1, 2, …).
    func recordChoiceOffer() {
        ready.markOfferRecorded()
        guard recorder.isEnabled else { return }
        let number = Int64(ready.offerNumber)
        for job in ready.offered {
            let task = registry.record(at: JobIdentity.address(of: job))?.id ?? .none
            recorder.record(.choiceOffered, task: task, arg: number, at: nowNanoseconds)
        }
    }

    /// Records that the job at `address` runs ahead of the one FIFO would have run.
    func notePreemption(running address: UInt) {
        guard let passed = ready.takePassedOver(), recorder.isEnabled else { return }
        let chosen = registry.record(at: address)?.id ?? .none
        let over = registry.record(at: JobIdentity.address(of: passed))?.id ?? .none
        recorder.record(.preempted, task: chosen, arg: Int64(over.rawValue), at: nowNanoseconds)
    }
}
