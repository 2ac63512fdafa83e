import Interleave

/// A long run under a random schedule and random faults, checking that the runtime keeps its
/// promises and that memory stays bounded: what `interleave soak` runs. Run it from a release build.
///
/// ```swift
/// let report = Soak(tasks: 3_000, rounds: 3, seed: 7, keepEvents: 20_000).run()
/// report.violationCount   // 0
/// print(report.summary)
/// ```
public struct Soak: Sendable {
    /// Worker tasks to spawn in all, in waves of `SoakWorkload.waveSize`.
    public var tasks: Int
    /// Rounds of its operation each worker performs.
    public var rounds: Int
    /// Seed for the random schedule, the roles and the injected faults.
    public var seed: UInt64
    /// Keep only the newest N events in memory (0 keeps them all); the audit stays exact.
    public var keepEvents: Int

    public init(tasks: Int = 1_000_000, rounds: Int = 6, seed: UInt64 = 1, keepEvents: Int = 1_000_000) {
        self.tasks = tasks
        self.rounds = rounds
        self.seed = seed
        self.keepEvents = keepEvents
    }

    /// What a soak found.
    public struct Report: Sendable {
        /// What ran, what was checked, memory, and every violation listed.
        public let summary: String
        public let violationCount: Int
    }

    public func run() -> Report {
        let loop = Loop(policy: .random(seed: seed))
        let tally = SoakTally()
        let checker = SoakChecker(store: loop.store, keepEvents: keepEvents, tally: tally)
        let workload = SoakWorkload(tasks: tasks, roundsPerWorker: rounds, seed: seed, tally: tally) { checker.catchUp() }
        let start = ContinuousClock.now
        do {
            _ = try loop.run("main") { try await workload.run() }
        } catch {
            tally.violation("the main task failed: \(error)")
        }
        // Main, the workers, one chaos task per wave, and a timeout child per queue operation.
        checker.finish(expectedTasks: 1 + tasks + tally.waves + tally.timedCalls)
        let seconds = (ContinuousClock.now - start).seconds
        let summary = SoakSummary(tally: tally, checker: checker, seconds: seconds, keepEvents: keepEvents).text
        return Report(summary: summary, violationCount: tally.violationCount)
    }
}
