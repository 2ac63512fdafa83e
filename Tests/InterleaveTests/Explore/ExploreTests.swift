import Foundation
@testable import Interleave
import InterleaveTrace
import Testing

@Suite struct ExploreTests {
    @Test func theFIFORunOfTheBankPasses() throws {
        let loop = Loop()
        try loop.run("main") { try await ExplorePrograms.bank() }
        #expect(loop.failure == nil)
    }

    @Test(arguments: [ExploreStrategy.random, .pct(depth: 3), .dfs(preemptions: 2)])
    func eachStrategyFindsTheOverdraftAndShrinksItToOnePreemption(strategy: ExploreStrategy) throws {
        let explorer = Explorer(options: ExploreOptions(strategy: strategy, schedules: 500)) { loop in
            loop.spawn("main") { try await ExplorePrograms.bank() }
        }
        let report = explorer.search()
        let failure = try #require(report.failure)
        #expect(failure.description == "overdraft: balance -60")
        let schedule = try #require(report.schedule)
        #expect(schedule.preemptions == 1)
        #expect(schedule.preemptions <= report.foundSchedule!.preemptions)
        #expect(report.foundAt! > 1, "the FIFO run passes, so a later schedule found it")
    }

    @Test func theShrunkScheduleFailsTheSameWayEveryTime() throws {
        let explorer = Explorer(options: ExploreOptions(schedules: 500)) { loop in
            loop.spawn("main") { try await ExplorePrograms.bank() }
        }
        let report = explorer.search()
        let schedule = try #require(report.schedule)
        for _ in 0..<100 {
            let loop = Loop(policy: .replay(schedule))
            _ = try? loop.run("main") { try await ExplorePrograms.bank() }
            #expect(loop.failure?.signature == report.failure?.signature)
        }
    }

    @Test func theSameSeedSearchesTheSameSchedules() {
        func search(seed: UInt64) -> ExploreReport {
            Explorer(options: ExploreOptions(strategy: .random, schedules: 500, seed: seed)) { loop in
                loop.spawn("main") { try await ExplorePrograms.bank() }
            }.search()
        }
        let first = search(seed: 7), second = search(seed: 7)
        #expect(first.foundAt == second.foundAt)
        #expect(first.foundSchedule == second.foundSchedule)
        #expect(first.schedule == second.schedule)
    }

    @Test func aProgramWithoutABugPassesEverySchedule() {
        let report = Explorer(options: ExploreOptions(strategy: .random, schedules: 200)) { loop in
            loop.spawn("main") { try await ExplorePrograms.twoWriters(steps: 3, log: ExplorePrograms.Log())() }
        }.search()
        #expect(report.failure == nil)
        #expect(report.schedulesRun == 200)
        #expect(report.schedule == nil)
    }

    @Test func theTimeLimitEndsTheSearch() {
        let report = Explorer(options: ExploreOptions(strategy: .random, schedules: .max, timeLimit: .zero)) { loop in
            loop.spawn("main") { try await ExplorePrograms.twoWriters(steps: 2, log: ExplorePrograms.Log())() }
        }.search()
        #expect(report.failure == nil)
        #expect(report.schedulesRun == 1, "only the FIFO run starts before a zero limit is seen")
    }

    @Test func aDeadlockAndAMainErrorAreFailures() throws {
        struct Boom: Error {}
        let deadlock = Explorer { loop in
            loop.spawn("main") {
                let never = Event("never")
                try await never.wait()
            }
        }.search()
        #expect(deadlock.failure == .deadlock(tasks: ["main"]))
        #expect(deadlock.foundAt == 1)
        let thrown = Explorer { loop in loop.spawn("main") { throw Boom() } }.search()
        guard case .mainFailed = try #require(thrown.failure) else {
            Issue.record("expected main's error, got \(String(describing: thrown.failure))")
            return
        }
    }
}
