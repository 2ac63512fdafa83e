import InterleaveTrace

extension Loop {
    /// Runs exactly `steps` jobs headless (jumping the clock as needed), applying each fault at
    /// the step count where it was first applied: how a live run is rewound deterministically.
    public func replay(steps: Int, injecting faults: [(step: Int, fault: Fault, task: TaskID)]) {
        let previous = CurrentLoop.bind(self)
        defer { _ = CurrentLoop.bind(previous) }
        var pending = faults[...]
        while stepCount < steps {
            while let next = pending.first, next.step <= stepCount {
                applyFault(next.fault, to: next.task)
                pending.removeFirst()
            }
            if stepBound() { continue }
            if waitForOwedWork() { continue }
            if !advanceToNextTimer() { break }
        }
        while let next = pending.first, next.step <= stepCount {
            applyFault(next.fault, to: next.task)
            pending.removeFirst()
        }
    }
}
