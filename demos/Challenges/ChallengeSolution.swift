import Interleave

/// A shortest known way to beat a challenge: the choices to make, and how many.
///
/// `schedule` has exactly `choices` entries, up to and including the choice after which the
/// goal was reached; the run after it may go on in any order (FIFO, say).
public struct ChallengeSolution: Sendable, Equatable {
    public let schedule: Schedule
    /// Choices made up to the moment the goal was reached (`Loop.failureChoices`): the score
    /// to compare a learner's with.
    public let choices: Int
    /// How the run failed: the goal, in the runtime's words.
    public let failure: RunFailure
}

extension Challenge {
    /// The challenge's program as explore runs it: the demo's main task, nothing more.
    public var program: Explorer.Program {
        let demo = demo
        return { loop in demo.start(on: loop, options: DemoOptions()) }
    }

    /// How explore searches a challenge: every schedule with a few preemptions, depth first,
    /// which is exhaustive for programs this small, then the shrinker's plainest failing one.
    static let searchOptions = ExploreOptions(strategy: .dfs(preemptions: 4), schedules: 20_000)

    /// Finds a shortest winning schedule with `Explorer` (milliseconds for a challenge); nil
    /// when no schedule within the search reaches the goal.
    public func solve() -> ChallengeSolution? {
        let explorer = Explorer(options: Self.searchOptions, program: program)
        guard let found = explorer.search().schedule else { return nil }
        let (failure, choices) = failureChoices(of: found)
        guard let failure else { return nil }
        var prefix = Array(found.choices.prefix(choices))
        prefix += Array(repeating: 0, count: choices - prefix.count)
        return ChallengeSolution(schedule: Schedule(prefix), choices: choices, failure: failure)
    }

    /// Replays `schedule` untraced: the failure it meets and the choices made until then.
    public func failureChoices(of schedule: Schedule) -> (failure: RunFailure?, choices: Int) {
        let loop = Loop(policy: .replay(schedule), tracing: false)
        program(loop)
        loop.runUntilIdle()
        defer { loop.close() }
        return (loop.failure, loop.failureChoices)
    }
}
