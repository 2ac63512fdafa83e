import InterleaveTrace

/// The wait source of yielding tasks, holding the tasks that yielded during the current job:
/// they go to the back of the ready queue after it (see `Loop.stepBound`).
///
/// The loop's from its start (a `let`): made lazily, with the loop to reach its list, reading it
/// cost a retain and a release a yield.
final class YieldSource: WaitSource {
    /// Not retained: a yielded task is unfinished, so the registry holds it (retaining and
    /// releasing each cost 100 instructions a yield).
    @exclusivity(unchecked) var tasks: [Unmanaged<TaskRecord>] = []
    var traceResource: ResourceID { .none }
    func abandon(_ task: TaskRecord) {
        tasks.removeAll { $0.toOpaque() == Unmanaged.passUnretained(task).toOpaque() }
    }
}

/// The wait source of sleeping tasks: a timer entry that is abandoned by moving on the generation.
final class SleepSource: WaitSource {
    var traceResource: ResourceID { .none }
    func abandon(_ task: TaskRecord) {}
}

extension Loop {
    func addTimer(at deadline: Int64, _ action: TimerEntry.Action) {
        timers.add(at: deadline, action)
    }

    /// The earliest deadline still pending, skipping entries whose wait already ended.
    var nextDeadline: Int64? { timers.nextDeadline() }

    /// Fires every timer due at or before the current time, in (deadline, sequence) order.
    func fireDueTimers() {
        while let action = timers.popDue() {
            switch action {
            case .wake(let task, _):
                wake(task, by: .none, source: .none)
            case .cancellable(let handle):
                handle.action()
            case .wakeStandardSleep(let job, let task, _):
                fireStandardSleep(job, task: task)
            case .run(let action):
                action()
                // One I/O response at a time, so completions arrive in a repeatable order.
                if io.hasDue { return }
            }
        }
    }

    /// Jumps virtual time to the next deadline and fires what is due; false when there is none.
    func advanceToNextTimer() -> Bool {
        guard !io.hasDue, let deadline = nextDeadline else { return false }
        if deadline > nowNanoseconds { setNow(deadline) }
        fireDueTimers()
        return true
    }

    /// Parks the current task until `deadline` (virtual ns), or just yields when it is now.
    func sleep(until deadline: Int64, location: LocationID) async throws {
        let task = currentRecord()
        if deadline <= nowNanoseconds { return try await yieldNowApart(task, location: location) }
        recorder.record(.taskSleeping, task: task.id, arg: deadline, at: nowNanoseconds, location: location)
        try await suspend(task, on: sleepSource) {
            addTimer(at: deadline, .wake(task, generation: task.waitGeneration))
        }
        // Woken, but faulted or cancelled before it ran again: as asyncio throws into a task at
        // its resumption, the error comes out of this sleep rather than out of some later await
        // (a task with no await left would otherwise finish as if nothing had been injected).
        try checkInterrupt(task)
    }

    /// Lets the other ready tasks run first (`asyncio.sleep(0)`).
    ///
    /// Inlined into `yield()`: a frame of its own was a task allocation more a yield (180
    /// instructions). Kept out of `sleep(until:)` (see `yieldNowApart`).
    @inline(__always)
    func yieldNow(_ task: TaskRecord, location: LocationID) async throws {
        // Not Task.yield: its continuation is a job of its own that the loop cannot attribute.
        try checkInterrupt(task)
        recorder.record(.taskYielded, task: task.id, at: nowNanoseconds, location: location)
        try await suspend(task, on: yieldSource) { yieldSource.tasks.append(Unmanaged.passUnretained(task)) }
        try checkInterrupt(task)
    }

    /// `yieldNow` in a frame of its own, for `sleep(until:)`: an async function's frame holds
    /// every wait inlined into it, and the two together took 544 bytes, which with the rest of a
    /// task's first frames overflowed the memory a Swift task starts with: a slab allocation per
    /// task that sleeps.
    @inline(never)
    func yieldNowApart(_ task: TaskRecord, location: LocationID) async throws {
        try await yieldNow(task, location: location)
    }
}
