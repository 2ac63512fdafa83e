import InterleaveTrace

/// One entry of the loop's timer heap, ordered by (deadline, sequence) so ties fire FIFO.
struct TimerEntry: Comparable {
    let deadline: Int64
    let sequence: UInt64
    let action: Action

    enum Action {
        /// Wake a sleeping task, unless its wait ended otherwise (generation moved on).
        case wake(TaskRecord, generation: UInt64)
        /// Run loop code at the deadline (timeouts).
        case run(() -> Void)
    }

    static func < (lhs: TimerEntry, rhs: TimerEntry) -> Bool {
        (lhs.deadline, lhs.sequence) < (rhs.deadline, rhs.sequence)
    }
    static func == (lhs: TimerEntry, rhs: TimerEntry) -> Bool {
        lhs.deadline == rhs.deadline && lhs.sequence == rhs.sequence
    }
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
            try checkInterrupt(task)
            recorder.record(.taskYielded, task: task.id, at: nowNanoseconds, location: location)
            await Task.yield()
            try checkInterrupt(task)
            return
        }
        recorder.record(.taskSleeping, task: task.id, arg: deadline, at: nowNanoseconds, location: location)
        try await suspend(task, on: sleepSource) {
            addTimer(at: deadline, .wake(task, generation: task.waitGeneration))
        }
    }
}
