import InterleaveTrace

/// One entry of the loop's timer heap, ordered by (deadline, sequence) so ties fire FIFO.
struct TimerEntry: Comparable {
    let deadline: Int64
    let sequence: UInt64
    let action: Action

    enum Action {
        /// Wake a sleeping task, unless its wait ended otherwise (generation moved on).
        case wake(TaskRecord, generation: UInt64)
        /// Run loop code at the deadline (I/O responses).
        case run(() -> Void)
        /// Run loop code at the deadline unless cancelled first (timeouts).
        case cancellable(TimerHandle)
    }

    static func < (lhs: TimerEntry, rhs: TimerEntry) -> Bool {
        (lhs.deadline, lhs.sequence) < (rhs.deadline, rhs.sequence)
    }
    static func == (lhs: TimerEntry, rhs: TimerEntry) -> Bool {
        lhs.deadline == rhs.deadline && lhs.sequence == rhs.sequence
    }
}

/// A timer that can be called off before it fires; a cancelled one no longer moves the clock.
final class TimerHandle {
    let action: () -> Void
    var isCancelled = false
    init(_ action: @escaping () -> Void) { self.action = action }
    func cancel() { isCancelled = true }
}

/// The wait source of yielding tasks: they are woken right after the job that yielded.
final class YieldSource: WaitSource {
    weak var loop: Loop?
    var traceResource: ResourceID { .none }
    func abandon(_ task: TaskRecord) { loop?.yielded.removeAll { $0 === task } }
}

/// The wait source of sleeping tasks: a timer entry that is abandoned by moving on the generation.
final class SleepSource: WaitSource {
    var traceResource: ResourceID { .none }
    func abandon(_ task: TaskRecord) {}
}

extension Loop {
    func addTimer(at deadline: Int64, _ action: TimerEntry.Action) {
        timerSequence &+= 1
        timers.insert(TimerEntry(deadline: deadline, sequence: timerSequence, action: action))
    }

    /// The earliest deadline still pending, skipping entries whose wait already ended.
    var nextDeadline: Int64? {
        while let first = timers.min {
            if case .wake(let task, let generation) = first.action, task.waitGeneration != generation {
                _ = timers.removeMin()
                continue
            }
            if case .cancellable(let handle) = first.action, handle.isCancelled {
                _ = timers.removeMin()
                continue
            }
            return first.deadline
        }
        return nil
    }

    /// Fires every timer due at or before the current time, in (deadline, sequence) order.
    func fireDueTimers() {
        while let first = timers.min, first.deadline <= nowNanoseconds {
            let entry = timers.removeMin()
            switch entry.action {
            case .wake(let task, let generation):
                guard task.waitGeneration == generation else { continue }
                wake(task, by: .none, source: .none)
            case .cancellable(let handle):
                guard !handle.isCancelled else { continue }
                handle.isCancelled = true
                handle.action()
            case .run(let action):
                action()
                // One I/O response at a time, so completions arrive in a repeatable order.
                if dueIO > 0 { return }
            }
        }
    }

    /// Jumps virtual time to the next deadline and fires what is due; false when there is none.
    func advanceToNextTimer() -> Bool {
        guard dueIO == 0, let deadline = nextDeadline else { return false }
        if deadline > nowNanoseconds { setNow(deadline) }
        fireDueTimers()
        return true
    }

    /// Parks the current task until `deadline` (virtual ns), or just yields when it is now.
    func sleep(until deadline: Int64, location: LocationID) async throws {
        let task = currentRecord()
        if deadline <= nowNanoseconds {
            // Not Task.yield: its continuation is a job of its own that the loop cannot attribute.
            try checkInterrupt(task)
            recorder.record(.taskYielded, task: task.id, at: nowNanoseconds, location: location)
            try await suspend(task, on: yieldSource) { yielded.append(task) }
            try checkInterrupt(task)
            return
        }
        recorder.record(.taskSleeping, task: task.id, arg: deadline, at: nowNanoseconds, location: location)
        try await suspend(task, on: sleepSource) {
            addTimer(at: deadline, .wake(task, generation: task.waitGeneration))
        }
        // Woken, but faulted or cancelled before it ran again: as asyncio throws into a task at
        // its resumption, the error comes out of this sleep rather than out of some later await
        // (a task with no await left would otherwise finish as if nothing had been injected).
        try checkInterrupt(task)
    }
}
