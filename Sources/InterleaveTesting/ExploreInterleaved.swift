import Interleave
import Testing

/// Searches the schedules of `body`, written with unmodified Swift concurrency, for one that
/// fails, as `explore` does; returns the report (the shrunk failure and its saved trace).
///
/// Each schedule runs `body` anew as the main task of a fresh loop routing standard
/// concurrency, so `body` builds everything it uses. A schedule fails when an error escapes
/// `body` (`throw`, `try #require`), a `check` or invariant breaks, its tasks deadlock, or —
/// inside a test — an expectation fails (`#expect`): such an issue is not recorded per
/// schedule, it fails the schedule, and the search goes on to shrink it.
/// ```swift
/// @Test func neverOverdraws() async throws {
///     let report = try await exploreInterleaved(schedules: 1_000) { try await twoWithdrawals() }
///     #expect(report.failure == nil, "\(report.failure!) — interleave replay \(report.tracePath!)")
/// }
/// ```
/// Waits for other runs of standard concurrency in the process to end first (see
/// `withInterleave`). Throws `StandardConcurrency.RoutingError` when the runtime cannot route.
public func exploreInterleaved(
    schedules: Int = 1_000, strategy: ExploreStrategy = .default, seed: UInt64 = 0,
    timeLimit: Duration? = nil, tracePath: String? = nil, title: String = "explore",
    _ body: @escaping @Sendable () async throws -> Void
) async throws -> ExploreReport {
    let options = ExploreOptions(
        strategy: strategy, schedules: schedules, timeLimit: timeLimit, seed: seed, routesStandardJobs: true)
    let scope = IssueScope(test: Test.current, testCase: Test.Case.current)
    return try await InterleaveGate.shared.withTurn {
        try await LoopThread.run(name: "interleave-explore") { thread in
            let explorer = Explorer(options: options) { loop in
                thread.runInCaller { await scope.spawnMain(body, on: loop) }
            }
            return explorer.routing {
                explorer.searchAndSave(tracePath: tracePath, title: title)
            }
        }
    }
}

/// The test a search runs in, whose failed expectations fail a schedule instead of the test.
struct IssueScope: Sendable {
    let test: Test?
    let testCase: Test.Case?

    /// Spawns `body` as `loop`'s main task, inside an issue handler that turns each failing issue
    /// the body records into a failure of the run (`reportFailure`), so that it steers the search.
    func spawnMain(_ body: @escaping @Sendable () async throws -> Void, on loop: Loop) async {
        guard let test else {
            loop.spawn("main", body)
            return
        }
        let handler = IssueHandlingTrait.compactMapIssues { issue in
            guard issue.isFailure else { return issue }
            let location = issue.sourceLocation.map { "\($0.fileName):\($0.line)" } ?? "unknown location"
            return reportFailure("\(issue)", location: location) ? nil : issue
        }
        // The task takes the handler with the rest of the task locals as it is created; the
        // scope can end at once.
        try? await handler.provideScope(for: test, testCase: testCase) {
            loop.spawn("main", body)
        }
    }
}
