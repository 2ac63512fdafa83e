import InterleaveTrace

extension Loop {
    /// Injects `fault` into the running task named `taskName` when virtual time reaches `time`:
    /// how `demo --inject` reaches a live run, where no caller can stop the loop at that moment.
    ///
    /// Call it before the loop runs (as a workload's spawns are). A task of that name that is not
    /// running then gets a lint in the trace instead. A rewound run, which re-applies the faults
    /// its trace recorded, does not get this one twice.
    ///
    /// ```swift
    /// loop.scheduleFault(.fail, intoTaskNamed: "task2", at: .milliseconds(1500))
    /// ```
    public func scheduleFault(_ fault: Fault, intoTaskNamed taskName: String, at time: Duration) {
        let deadline = max(0, time.nanoseconds)
        addTimer(at: deadline, .run { [unowned self] in
            guard !alreadyInjected(fault, named: taskName, at: deadline) else { return }
            guard let task = registry.unfinishedTasks.last(where: { $0.name == taskName }) else {
                lint("cannot inject \(fault.kind) at \(formatSeconds(deadline)): no running task named \(taskName)")
                return
            }
            applyFault(fault, to: task.id)
        })
    }

    /// Whether the trace already holds this fault for a task of this name at this time.
    private func alreadyInjected(_ fault: Fault, named taskName: String, at time: Int64) -> Bool {
        let kind = Int64(fault.kind.rawValue)
        var found = false
        store.events.withRuns(in: 0..<store.events.count) { run, _ in
            for e in run where e.kind == .faultInjected && e.time == time && e.arg == kind {
                if e.task.index < store.tasks.count, store.tasks[e.task.index].name == taskName { found = true }
            }
        }
        return found
    }
}
