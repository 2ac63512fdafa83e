@testable import Interleave
import Testing

@Suite struct ExploreSummaryTests {
    private func report(failure: RunFailure?, schedule: Schedule?, exhausted: Bool = false) -> ExploreReport {
        ExploreReport(
            failure: failure, schedule: schedule, foundSchedule: schedule, foundAt: failure == nil ? nil : 137,
            schedulesRun: 137, searchTime: .milliseconds(40), steps: 14, exhausted: exhausted, shrinkRuns: 20,
            tracePath: failure == nil ? nil : "bank-failure.itrace")
    }

    @Test func aFailureIsOneLineWithTheShrunkScheduleAndTheReplayCommand() {
        let line = report(failure: .checkFailed(message: "overdraft: balance -50", location: "BankDemo.swift:9"),
                          schedule: Schedule([0, 1, 0, 2])).summary(program: "bank", strategy: .default)
        #expect(line == "explore bank: overdraft: balance -50 after 137 schedules (0.04 s, 3,425 schedules/s); "
            + "shrunk to 2 preemptions, 14 steps; saved bank-failure.itrace — interleave replay bank-failure.itrace")
    }

    @Test func noFailureSaysHowManySchedulesAndWhetherTheSearchWasComplete() {
        #expect(report(failure: nil, schedule: nil).summary(program: "gather", strategy: .random)
            == "explore gather: no failure in 137 schedules (0.04 s, 3,425 schedules/s)")
        #expect(report(failure: nil, schedule: nil, exhausted: true).summary(program: "gather", strategy: .dfs(preemptions: 2))
            == "explore gather: no failure in every schedule within 2 preemptions (137) (0.04 s, 3,425 schedules/s)")
    }
}
