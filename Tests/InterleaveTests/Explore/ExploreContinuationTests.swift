@testable import Interleave
import Testing

/// Searching for a failing continuation of a run so far (the TUI's `e`).
@Suite struct ExploreContinuationTests {
    private func explorer(_ strategy: ExploreStrategy) -> Explorer {
        Explorer(options: ExploreOptions(strategy: strategy, schedules: 500)) { loop in
            loop.spawn("main") { try await ExplorePrograms.bank() }
        }
    }

    @Test(arguments: [ExploreStrategy.random, .pct(depth: 3), .dfs(preemptions: 2)])
    func aContinuationKeepsTheRunSoFarAndFindsTheFailureAfterIt(strategy: ExploreStrategy) throws {
        let whole = explorer(strategy).search()
        let point = try #require(whole.schedule?.firstPreemption)
        let soFar = Schedule(Array(repeating: 0, count: point))
        let report = explorer(strategy).search(continuing: soFar)
        let schedule = try #require(report.schedule, "a failing continuation exists after \(point) FIFO choices")
        #expect(report.failure?.signature == whole.failure?.signature)
        #expect(Array(schedule.choices.prefix(point)) == soFar.choices, "the run so far is kept")
        #expect(schedule.preemptions == 1)
    }

    @Test func aRunPastThePointOfNoReturnHasNoFailingContinuation() throws {
        let loop = Loop()
        try loop.run("main") { try await ExplorePrograms.bank() }
        let wholeFIFORun = loop.scheduleMade
        #expect(wholeFIFORun.choices.count > 0 && wholeFIFORun.preemptions == 0)
        let report = explorer(.dfs(preemptions: 2)).search(continuing: wholeFIFORun)
        #expect(report.failure == nil)
        #expect(report.exhausted, "nothing is left to choose after the whole run")
        #expect(report.schedulesRun == 1)
    }

    @Test func aFIFOLoopCountsItsChoices() throws {
        let loop = Loop()
        try loop.run("main", ExplorePrograms.twoWriters(steps: 2, log: ExplorePrograms.Log()))
        let replayed = Loop(policy: .replay(loop.scheduleMade))
        try replayed.run("main", ExplorePrograms.twoWriters(steps: 2, log: ExplorePrograms.Log()))
        #expect(replayed.scheduleMade == loop.scheduleMade)
        #expect(DeterminismTests.Recording(replayed.store).events.map(\.kind)
            == DeterminismTests.Recording(loop.store).events.map(\.kind))
    }
}
