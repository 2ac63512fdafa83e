import ArgumentParser
import InterleaveBench

/// `interleave soak`: a long run under a random schedule and random faults, checking that the
/// runtime keeps its promises and that memory stays bounded. Run it from a release build.
struct SoakCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soak",
        abstract: "Run a long randomized workload with injected faults and check every invariant.",
        discussion: "The documented full run: interleave soak --tasks 1000000 --rounds 6 --keep-events 1000000"
    )

    @Option(help: "Worker tasks to spawn in all (in waves of 1,000).")
    var tasks: Int = 1_000_000

    @Option(help: "Rounds of its operation each worker performs.")
    var rounds: Int = 6

    @Option(help: "Seed for the random schedule, the roles and the injected faults.")
    var seed: UInt64 = 1

    @Option(help: "Keep only the newest N events in memory (0 keeps them all); the world state stays exact.")
    var keepEvents: Int = 1_000_000

    func validate() throws {
        guard (1...10_000_000).contains(tasks) else { throw ValidationError("--tasks must be between 1 and 10,000,000") }
        guard (1...1_000).contains(rounds) else { throw ValidationError("--rounds must be between 1 and 1,000") }
        guard keepEvents >= 0 else { throw ValidationError("--keep-events must be 0 or more") }
    }

    func run() throws {
        let report = Soak(tasks: tasks, rounds: rounds, seed: seed, keepEvents: keepEvents).run()
        print(report.summary)
        if report.violationCount > 0 { throw ExitCode(1) }
    }
}
