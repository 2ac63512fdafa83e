import Demos
import Interleave
import InterleaveApp
import InterleaveTrace
import InterleaveUI
import Testing

/// The challenges: each is fine in the FIFO run, and its goal is reached, exactly when the
/// run fails, by a schedule the solver finds.
@Suite struct ChallengeTests {
    /// Each challenge's solution, solved once for every test that needs it.
    static let solutions: [String: ChallengeSolution] = Dictionary(uniqueKeysWithValues: Challenges.all.compactMap { challenge in
        challenge.solve().map { (challenge.name, $0) }
    })

    static func run(_ challenge: Challenge, _ policy: SchedulePolicy) -> HeadlessRun {
        HeadlessRun(policy: policy) { challenge.demo.start(on: $0, options: DemoOptions()) }
    }

    static func world(_ store: TraceStore) -> WorldState {
        var world = WorldState()
        for event in store.events.snapshot() { world.reduce(event) }
        return world
    }

    static func count(_ kind: EventKind, in store: TraceStore) -> Int {
        store.events.snapshot().filter { $0.kind == kind }.count
    }

    @Test func thereAreAtLeastTenEasiestFirstWithUniqueNamesApartFromTheDemos() {
        let names = Challenges.all.map(\.name)
        #expect(names.count >= 10)
        #expect(Set(names).count == names.count)
        #expect(Set(names).isDisjoint(with: Catalogue.all.map(\.name)))
        let difficulties = Challenges.all.map(\.difficulty)
        #expect(difficulties == difficulties.sorted())
        #expect(Set(difficulties) == Set(Challenge.Difficulty.allCases))
        #expect(Challenges.named("overdraw")?.goal == "Overdraw the account")
        #expect(Challenges.named("bank") == nil)
    }

    @Test(arguments: Challenges.all.map(\.name))
    func everyChallengeSaysWhatToDoHowAndWhy(_ name: String) throws {
        let challenge = try #require(Challenges.named(name))
        #expect(!challenge.goal.isEmpty && !challenge.goal.hasSuffix("."))
        #expect(challenge.goal.count <= 70, "the goal fits one line of the list")
        #expect((2...3).contains(challenge.hints.count))
        #expect(!challenge.lesson.isEmpty)
        #expect(challenge.demo.sourcePath.hasSuffix("Challenge.swift"), "the code pane shows the challenge's own source")
    }

    @Test(arguments: Challenges.all.map(\.name))
    func theFIFORunDoesNotReachTheGoalAndNothingElseGoesWrong(_ name: String) throws {
        let challenge = try #require(Challenges.named(name))
        let store = Self.run(challenge, .fifo).run().store
        let world = Self.world(store)
        #expect(world.choicesAtFailure == nil, "FIFO must not solve \(name)")
        #expect(Self.count(.checkFailed, in: store) == 0)
        #expect(Self.count(.deadlock, in: store) == 0)
        #expect(Self.count(.lint, in: store) == 0)
        #expect(world.ended)
        // Few enough choices to play by hand in class.
        #expect((2...14).contains(challenge.failureChoices(of: .fifo).choices))
    }

    @Test(arguments: Challenges.all.map(\.name))
    func theSolutionPlayedByHandReachesTheGoalWithItsChoices(_ name: String) throws {
        let challenge = try #require(Challenges.named(name))
        let solution = try #require(Self.solutions[name], "no solution found for \(name)")
        #expect(solution.schedule.choices.count == solution.choices)
        #expect(solution.schedule.preemptions > 0)
        let store = Self.run(challenge, .fifo).runManually(solution.schedule).store
        let world = Self.world(store)
        #expect(world.choicesAtFailure == solution.choices)
        // The goal is the only failure: a check or a deadlock, no error out of main, no lint
        // but a deadlock's own "waits forever".
        let lints = store.events.snapshot().filter { $0.kind == .lint }.map { Transcript.text($0, store) }
        #expect(lints.allSatisfy { $0.contains("waits forever") })
        switch solution.failure {
        case .checkFailed, .deadlock: break
        case .mainFailed, .lint: Issue.record("\(name) fails otherwise than by its goal: \(solution.failure)")
        }
    }

    @Test(arguments: Challenges.all.map(\.name))
    func aChallengeRunsTheSameEveryTime(_ name: String) throws {
        let challenge = try #require(Challenges.named(name))
        let schedule = try #require(Self.solutions[name]).schedule
        let first = PlainReport(store: Self.run(challenge, .replay(schedule)).run().store).render()
        let second = PlainReport(store: Self.run(challenge, .replay(schedule)).run().store).render()
        #expect(first == second)
        #expect(challenge.solve() == Self.solutions[name])
    }
}

/// The text a trace event's arg names.
private enum Transcript {
    static func text(_ e: TraceEvent, _ store: TraceStore) -> String {
        store.string(StringID(rawValue: UInt32(truncatingIfNeeded: e.arg)))
    }
}
