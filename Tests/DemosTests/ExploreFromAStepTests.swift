import Demos
import Interleave
@testable import InterleaveApp
import InterleaveTrace
import Testing

/// `e` in a live run: the search goes on from the step on screen, and the run it offers is
/// that run up to the step, failing after it.
@Suite struct ExploreFromAStepTests {
    static let options = ExploreOptions(schedules: 2_000, seed: 1, shrinkBudget: 500)

    static func program(_ name: String) -> Explorer.Program {
        DemoRun.run(of: name, options: DemoOptions(tasks: 12)).start
    }

    static func world(of store: TraceStore) -> WorldState {
        var world = WorldState()
        for event in store.events.snapshot() { world.reduce(event) }
        return world
    }

    @Test func theChoicesToAStepAreTheLiveRunsChoicesToThatStep() {
        // A random policy makes choices other than FIFO's, so a prefix of the wrong length or
        // order would show.
        let policy = SchedulePolicy.random(seed: 5)
        let whole = DemoRun.run(of: "bank").makeLoop(policy: policy)
        defer { whole.close() }
        whole.runUntilIdle()
        let all = whole.scheduleMade.choices
        for step in [0, 1, 3, 6] {
            let made = ExploreSearch.choices(of: Self.program("bank"), policy: policy, throughStep: step).choices
            #expect(all.starts(with: made), "step \(step): \(made) is not a prefix of \(all)")
        }
        let partial = DemoRun.run(of: "bank").makeLoop(policy: policy)
        defer { partial.close() }
        partial.reexecute(steps: 4, injecting: [])
        #expect(ExploreSearch.choices(of: Self.program("bank"), policy: policy, throughStep: 4) == partial.scheduleMade)
    }

    @Test(arguments: [("bank", 2), ("lock-order", 1), ("lost-wakeup", 1)])
    func theOfferIsTheSameRunToTheStepAndFailsAfterIt(name: String, step: Int) throws {
        let report = ExploreSearch.search(program: Self.program(name), policy: .fifo, fromStep: step, options: Self.options)
        let schedule = try #require(report.schedule, "\(name): no failure from step \(step)")
        #expect(report.steps > step, "\(name): the failure comes after the step explored from")
        let original = DemoRun.liveLoop(name)
        defer { original.close() }
        original.reexecute(steps: step, injecting: [])
        let offered = DemoRun.run(of: name, options: DemoOptions(tasks: 12)).makeLoop(policy: .replay(schedule))
        offered.deadlockEndsRun = false
        defer { offered.close() }
        offered.reexecute(steps: step, injecting: [])
        #expect(Self.world(of: offered.store) == Self.world(of: original.store), "\(name): the screen at step \(step) changed")
        offered.runUntilIdle()
        #expect(offered.failure != nil, "\(name): the offered run did not fail")
    }

    @Test func gatherHasNoFailureToFind() {
        let report = ExploreSearch.search(
            program: Self.program("gather"), policy: .fifo, fromStep: 2, options: ExploreOptions(schedules: 200))
        #expect(report.failure == nil)
        #expect(report.schedulesRun == 200)
    }

    @Test func followingAnOfferSwitchesTheLiveRunPausedAtTheStep() throws {
        let report = ExploreSearch.search(program: Self.program("bank"), policy: .fifo, fromStep: 2, options: Self.options)
        let schedule = try #require(report.schedule)
        let reference = DemoRun.liveLoop("bank")
        defer { reference.close() }
        reference.reexecute(steps: 2, injecting: [])
        let events = reference.store.events.count
        let live = LiveSource(policy: .fifo, speed: 1, startPaused: true, program: Self.program("bank")) { policy in
            DemoRun.run(of: "bank", options: DemoOptions(tasks: 12)).makeLoop(policy: policy)
        }
        defer { live.retire() }
        live.follow(.replay(schedule), from: 2, events: events, speed: 1)
        #expect(live.policy == .replay(schedule))
        #expect(live.runner.isPaused)
        #expect(live.loop.steps == 2)
        #expect(Self.world(of: live.store) == Self.world(of: reference.store))
    }
}
