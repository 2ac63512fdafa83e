/// Makes a failing schedule as plain as it can while it still fails the same way.
///
/// Smaller means, in order: fewer choices that differ from FIFO, then fewer steps before the
/// failure shows, then fewer choices. Each pass tries, choice by choice, to reset it to FIFO,
/// to lower it, and to delete it (the choices after it move up one); a candidate is kept only
/// if it fails with the same signature and is smaller, so the result never grows. The passes
/// repeat until none helps, like Hypothesis's shrinker: deterministic, no randomness.
struct ScheduleShrinker {
    /// One run of a schedule: whether and how it failed, and what it actually did.
    struct Outcome {
        var failure: RunFailure?
        /// The choices the run really made (a candidate's may be clamped or cut short).
        var schedule: Schedule
        /// Jobs run before the failure showed (the whole run for a deadlock).
        var steps: Int
    }

    /// Runs a schedule (tracing off).
    let run: (Schedule) -> Outcome
    /// The most runs to spend; shrinking stops there with the best so far.
    var budget = 2_000
    private(set) var runsUsed = 0

    /// How many leading choices stay as they are (a run so far that the search continues).
    let frozen: Int

    init(budget: Int = 2_000, frozen: Int = 0, run: @escaping (Schedule) -> Outcome) {
        self.budget = budget
        self.frozen = frozen
        self.run = run
    }

    /// The smallest failing schedule found from `failing`, and its outcome.
    mutating func shrink(_ failing: Outcome) -> Outcome {
        guard let signature = failing.failure?.signature else { return failing }
        var best = failing
        best.schedule = trimmed(failing.schedule)
        var improved = true
        while improved, runsUsed < budget {
            improved = false
            var index = frozen
            while index < best.schedule.choices.count, runsUsed < budget {
                for candidate in candidates(from: best.schedule, at: index) {
                    guard runsUsed < budget else { break }
                    runsUsed += 1
                    var outcome = run(candidate)
                    guard outcome.failure?.signature == signature else { continue }
                    outcome.schedule = trimmed(outcome.schedule)
                    if Self.isSmaller(outcome, than: best) {
                        best = outcome
                        improved = true
                        break
                    }
                }
                index += 1
            }
        }
        return best
    }

    /// Edits of the choice at `index`, simplest first.
    private func candidates(from schedule: Schedule, at index: Int) -> [Schedule] {
        let choice = schedule.choices[index]
        var result: [Schedule] = []
        if choice != 0 {
            var reset = schedule
            reset.choices[index] = 0
            result.append(trimmed(reset))
            if choice > 1 {
                var lowered = schedule
                lowered.choices[index] = choice - 1
                result.append(lowered)
            }
        }
        var deleted = schedule
        deleted.choices.remove(at: index)
        result.append(trimmed(deleted))
        return result
    }

    /// Without trailing FIFO choices, but never shorter than the frozen prefix.
    private func trimmed(_ schedule: Schedule) -> Schedule {
        var copy = schedule
        while copy.choices.count > frozen, copy.choices.last == 0 { copy.choices.removeLast() }
        return copy
    }

    static func isSmaller(_ a: Outcome, than b: Outcome) -> Bool {
        let keyA = (a.schedule.preemptions, a.steps, a.schedule.choices.count)
        let keyB = (b.schedule.preemptions, b.steps, b.schedule.choices.count)
        return keyA < keyB
    }
}
