import Foundation
import InterleaveTrace

/// Searches the interleavings of `body` for one that fails — a broken `check` or invariant, an
/// error escaping it, a deadlock — shrinks the failing schedule, and saves its trace, so
/// `interleave replay PATH` steps through it. For use inside tests.
///
/// `body` runs as the main task of a fresh loop once per schedule, so it must build everything
/// it uses itself and be deterministic apart from the schedule.
/// ```swift
/// @Test func transfersNeverOverdraw() {
///     let report = explore(schedules: 2_000) {
///         let account = Account(balance: 100)
///         try await gather(spawn("a") { try await account.withdraw(80) },
///                          spawn("b") { try await account.withdraw(80) })
///     }
///     #expect(report.failure == nil, "\(report.failure!) — interleave replay \(report.tracePath!)")
/// }
/// ```
/// - Parameters:
///   - tracePath: where to save the failing run's trace; by default a new file in the
///     temporary directory. Nothing is written when no schedule fails.
public func explore(
    schedules: Int = 10_000, strategy: ExploreStrategy = .default, seed: UInt64 = 0,
    timeLimit: Duration? = nil, tracePath: String? = nil,
    _ body: @escaping @Sendable () async throws -> Void
) -> ExploreReport {
    let options = ExploreOptions(strategy: strategy, schedules: schedules, timeLimit: timeLimit, seed: seed)
    let explorer = Explorer(options: options) { loop in loop.spawn("main", body) }
    return explorer.searchAndSave(tracePath: tracePath)
}

/// `explore` for code written with standard Swift concurrency: with `routesStandardJobs`,
/// each schedule's loop takes in `Task {}`, `Task.detached`, `@MainActor` jobs and plain
/// `Task.sleep`/clock sleeps (`Loop(routesStandardJobs: true)`), and the whole search runs
/// inside one shared routing (`StandardConcurrency.withSharedRouting`).
/// ```swift
/// let report = explore(schedules: 2_000, routesStandardJobs: true) {
///     let account = Account(balance: 100)          // an actor
///     try await withThrowingTaskGroup(of: Void.self) { group in
///         group.addTask { try await account.withdraw(70) }
///         group.addTask { try await account.withdraw(70) }
///         try await group.waitForAll()
///     }
/// }
/// ```
/// On a runtime without the hooks (`StandardConcurrency.unavailableReason`), `Task {}` jobs
/// are not routed and each loop records a lint saying so.
public func explore(
    schedules: Int = 10_000, strategy: ExploreStrategy = .default, seed: UInt64 = 0,
    timeLimit: Duration? = nil, tracePath: String? = nil, routesStandardJobs: Bool,
    _ body: @escaping @Sendable () async throws -> Void
) -> ExploreReport {
    let options = ExploreOptions(
        strategy: strategy, schedules: schedules, timeLimit: timeLimit, seed: seed,
        routesStandardJobs: routesStandardJobs)
    let explorer = Explorer(options: options) { loop in loop.spawn("main", body) }
    return explorer.routing { explorer.searchAndSave(tracePath: tracePath) }
}

extension Explorer {
    /// Searches, and when a schedule fails, replays the shrunk one traced and saves it at
    /// `tracePath` (a new file in the temporary directory when nil); the report says where.
    ///
    /// With `options.routesStandardJobs`, `routing { }` around it spares reinstalling the
    /// runtime's hooks for every schedule.
    public func searchAndSave(tracePath: String? = nil, title: String = "explore") -> ExploreReport {
        var report = search()
        guard let schedule = report.schedule else { return report }
        let store = TraceStore()
        var header = store.header
        header.demoName = "explore"
        header.title = "\(title): \(report.failure.map { "\($0)" } ?? "")"
        store.header = header
        replay(schedule, into: store)
        let path = tracePath ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("interleave-explore-\(UUID().uuidString.prefix(8)).itrace").path
        do {
            try Explorer.save(store, to: path)
            report.tracePath = path
        } catch {
            report.tracePath = nil
        }
        return report
    }
}
