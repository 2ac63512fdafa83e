import Interleave
import InterleaveTrace

extension HeadlessRun {
    /// Runs the workload to its end under a manual schedule that makes `schedule`'s choices,
    /// then FIFO's: every choice is offered and recorded in the trace (`.choiceOffered`), as
    /// when a class makes them by hand, so a report can say what was chosen among what.
    ///
    /// How a challenge's solution is played for a teacher (`interleave challenge NAME --solution`).
    /// ```swift
    /// let outcome = run.runManually(Schedule([0, 1]))
    /// Transcript.fold(outcome.store).choicesAtFailure   // 2
    /// ```
    public func runManually(_ schedule: Schedule) -> Outcome {
        let loop = makeLoop(policy: .manual(schedule))
        while true {
            loop.runUntilIdle()
            // Past the schedule the run goes on as FIFO would: the goal, if reached, is behind.
            guard loop.awaitingChoice else { break }
            loop.choose(0)
        }
        loop.close()
        return Outcome(store: loop.store, virtualNanoseconds: loop.nowInNanoseconds)
    }
}
