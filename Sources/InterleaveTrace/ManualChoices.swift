/// The choices a manual schedule made, read back from its trace: every choice is recorded as the
/// jobs offered (`.choiceOffered`, one event per job, numbered by the choice) followed by the
/// chosen job's `.taskResumed`, so the trace alone reproduces the schedule — a rewind re-runs
/// it, and a recording carries it.
/// One choice a manual schedule made: the tasks offered (in the order the digits number them)
/// and the one that ran.
public struct MadeChoice: Sendable, Equatable {
    public var offered: [TaskID]
    public var chosen: TaskID
    /// The chosen job's place among those offered (0 = the one ready first, as `Schedule`
    /// counts); 0 when it belongs to no offered task (an actor's job).
    public var index: Int { offered.firstIndex(of: chosen) ?? 0 }
}

extension TraceStore {
    /// Every choice made in the first `end` events, in order: an offer (`.choiceOffered`
    /// events) followed by the job that ran (`.taskResumed`).
    public func choicesMade(before end: Int) -> [MadeChoice] {
        var choices: [MadeChoice] = []
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
                    choices.append(MadeChoice(offered: offer, chosen: event.task))
                    offer = []
                default:
                    break
                }
            }
        }
        return choices
    }

    /// The index chosen at each choice made in the first `end` events: the schedule to rerun.
    /// ```swift
    /// store.manualChoices(before: cursor.world.eventCount)   // [0, 1, 0]
    /// ```
    public func manualChoices(before end: Int) -> [Int] { choicesMade(before: end).map(\.index) }

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
