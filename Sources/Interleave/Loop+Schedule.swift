import InterleaveTrace

/// The schedule a run follows: the choices made where more than one job was ready, and the
/// trace's note of each one that differs from FIFO.
extension Loop {
    /// The choices this run has made where more than one job was ready (all 0 under FIFO).
    /// Loop thread, or once the run is over.
    public var scheduleMade: Schedule { ready.schedule }

    /// Records that the job at `address` runs ahead of the one FIFO would have run.
    func notePreemption(running address: UInt) {
        guard let passed = ready.takePassedOver(), recorder.isEnabled else { return }
        let chosen = registry.record(at: address)?.id ?? .none
        let over = registry.record(at: JobIdentity.address(of: passed))?.id ?? .none
        recorder.record(.preempted, task: chosen, arg: Int64(over.rawValue), at: nowNanoseconds)
    }
}
