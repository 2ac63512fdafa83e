import ArgumentParser
import Demos
import Interleave
import InterleaveApp

/// Options that shape a demo's run, shared by every command that runs one (`demo`, `record`,
/// the picker), read into the one pipeline's `HeadlessRun`.
struct WorkloadOptions: ParsableArguments {
    @Option(help: "Seed for the demo's random choices and the random schedule.")
    var seed: UInt64 = 1

    @Option(help: "Scheduling policy: fifo (asyncio's order) or random (seeded).")
    var schedule: Schedule = .fifo

    // `.unconditional`: a negative value is read as one and meets the range check below,
    // instead of passing for an option and leaving "Missing value".
    @Option(parsing: .unconditional, help: "Number of tasks, for demos that scale (swarm), from 1 to 10,000,000.")
    var tasks: Int = 1000

    var policy: SchedulePolicy { schedule == .fifo ? .fifo : .random(seed: seed) }
    var demoOptions: DemoOptions { DemoOptions(seed: seed, tasks: tasks) }

    func validate() throws {
        guard tasks > 0 && tasks <= 10_000_000 else { throw ValidationError("--tasks must be between 1 and 10,000,000") }
    }

    /// `demo` run with these options; `terminalSize` goes into the header of a live run.
    func run(of demo: Demo, terminalSize: (columns: Int, rows: Int)? = nil) -> HeadlessRun {
        let demoOptions = demoOptions
        return HeadlessRun(policy: policy, seed: seed, terminalSize: terminalSize) { demo.start(on: $0, options: demoOptions) }
    }
}

enum Schedule: String, ExpressibleByArgument, CaseIterable {
    case fifo, random
}
