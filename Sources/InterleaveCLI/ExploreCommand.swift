import ArgumentParser
import Demos
import Foundation
import Interleave
import InterleaveTrace
import InterleaveUI

/// `interleave explore DEMO`: searches the demo's schedules for one that fails, shrinks it and
/// saves its trace. Exit 1 when a failure is found, 0 when none is within the budget.
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Search a demo's interleavings for a failure, shrink it, and save it to replay.",
        discussion: """
            A failure is a broken check, an error escaping main, a deadlock, or (with
            --lints-fail) a lint. Exit status 1 when one is found, 0 when none is.

            Example:
              interleave explore bank                find the overdraft, save it
              interleave replay bank-failure.itrace  step through it
            """)

    enum StrategyName: String, ExpressibleByArgument, CaseIterable {
        case random, pct, dfs
    }

    @Argument(help: "The demo's name (see `interleave list`).")
    var name: String

    @Option(help: "random (uniform), pct (probabilistic, by depth) or dfs (every schedule within --depth preemptions).")
    var strategy: StrategyName = .pct

    @Option(parsing: .unconditional, help: "The most schedules to run, from 1 to 100,000,000.")
    var schedules: Int = 10_000

    @Option(parsing: .unconditional, help: "Stop searching after this many seconds of wall time.")
    var time: Double?

    @Option(help: "Seed of the search: the same seed searches the same schedules.")
    var seed: UInt64 = 0

    @Option(parsing: .unconditional, help: "PCT's depth (default 3), or DFS's bound on preemptions (default 2), from 1 to 20.")
    var depth: Int?

    @Option(name: .shortAndLong, help: "Where to save the failing run's trace (default: DEMO-failure.itrace).")
    var output: String?

    @Flag(help: "Count lints as failures too.")
    var lintsFail = false

    @Flag(help: "Also print the failing run's plain report.")
    var plain = false

    func validate() throws {
        guard (1...100_000_000).contains(schedules) else { throw ValidationError("--schedules must be between 1 and 100,000,000") }
        if let time, !(time > 0 && time <= 86_400) { throw ValidationError("--time must be between 0 and 86,400 seconds") }
        if let depth, !(1...20).contains(depth) { throw ValidationError("--depth must be between 1 and 20") }
    }

    var exploreStrategy: ExploreStrategy {
        switch strategy {
        case .random: .random
        case .pct: .pct(depth: depth ?? 3)
        case .dfs: .dfs(preemptions: depth ?? 2)
        }
    }

    func run() throws {
        let demo = try lookUpDemo(name)
        let options = ExploreOptions(
            strategy: exploreStrategy, schedules: schedules,
            timeLimit: time.map { .milliseconds(Int64($0 * 1000)) }, seed: seed, lintsFail: lintsFail)
        let demoOptions = DemoOptions()
        let explorer = Explorer(options: options) { loop in demo.start(on: loop, options: demoOptions) }
        var report = explorer.search()
        guard let schedule = report.schedule else {
            print(report.summary(program: demo.name, strategy: options.strategy))
            return
        }
        let store = TraceStore()
        // The demo's own seed goes into the header, so `demo NAME --schedule replay:FILE` reruns it.
        store.header.seed = demoOptions.seed
        explorer.replay(schedule, into: store)
        let path = output ?? "\(demo.name)-failure.itrace"
        do { try Explorer.save(store, to: path) } catch { throw fail("\(error)") }
        report.tracePath = path
        print(report.summary(program: demo.name, strategy: options.strategy))
        if plain { print(PlainReport(store: store).render(), terminator: "") }
        throw ExitCode(1)
    }
}
