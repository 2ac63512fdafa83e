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
    var report = explorer.search()
    guard let schedule = report.schedule else { return report }
    let store = TraceStore()
    var header = store.header
    header.demoName = "explore"
    header.title = "explore: \(report.failure.map { "\($0)" } ?? "")"
    store.header = header
    explorer.replay(schedule, into: store)
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
