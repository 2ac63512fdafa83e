/// The choices a manual schedule made, read back from its trace: every choice is recorded as the
/// jobs offered (`.choiceOffered`, one event per job, numbered by the choice) followed by the
/// chosen job's `.taskResumed`, so the trace alone reproduces the schedule — a rewind re-runs
/// it, and a recording carries it.
extension TraceStore {
    /// The index chosen at each choice made in the first `end` events, in order (0 = the job
    /// that became ready first, as `Schedule` counts). An offer whose chosen job belongs to no
    /// offered task (an actor's job) counts as 0.
    /// ```swift
    /// store.manualChoices(before: cursor.world.eventCount)   // [0, 1, 0]
    /// ```
    public func manualChoices(before end: Int) -> [Int] {
        var choices: [Int] = []
        var offer: [TaskID] = []
        var number = -1
        events.withRuns(in: 0..<min(end, events.count)) { run, _ in
            for event in run {
                switch event.kind {
                case .choiceOffered:
                    if Int(event.arg) != number {
                        number = Int(event.arg)
                        offer = []
                    }
                    offer.append(event.task)
                case .taskResumed where !offer.isEmpty:
                    choices.append(offer.firstIndex(of: event.task) ?? 0)
                    offer = []
                default:
                    break
                }
            }
        }
        return choices
    }

    /// The step the run stood at when choice `number` (from 0) was offered, if it was within
    /// the first `end` events: where going back to make that choice again lands.
    public func stepOfChoice(_ number: Int, before end: Int) -> Int? {
        var steps = 0
        var found: Int?
        events.withRuns(in: 0..<min(end, events.count)) { run, _ in
            guard found == nil else { return }
            for event in run {
                if event.kind == .taskResumed { steps += 1 }
                if event.kind == .choiceOffered, Int(event.arg) == number {
                    found = steps
                    return
                }
            }
        }
        return found
    }
}
