import ArgumentParser
import Foundation
import InterleaveBench

/// `interleave bench`: the peers' workloads plus trace, seek, render and startup figures.
///
/// Lines follow the peers' format, `<runtime> <workload> <ops> <seconds> <ops_per_sec>`, so that
/// `bench/compare.sh` can put them side by side. Build with `-c release` for meaningful figures.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Measure throughput, trace cost and rendering speed.")

    @Option(help: "Multiply every count by this factor (as the peers' second argument does).")
    var scale: Double = 1

    @Flag(help: "Shorthand for --scale 0.1: checks that every benchmark works.")
    var quick = false

    @Option(help: "Run only the benchmarks whose name contains this text.")
    var only: String?

    @Option(help: "Run the workloads with tracing on, off, or both (for profiling one of them).")
    var tracing: Tracing = .both

    enum Tracing: String, ExpressibleByArgument, CaseIterable {
        case on, off, both
        var modes: [Bool] { self == .both ? [true, false] : [self == .on] }
    }

    func validate() throws {
        guard scale > 0, scale <= 100 else { throw ValidationError("--scale must be in (0, 100]") }
    }

    func run() throws {
        let benchmarks = Benchmarks(scale: quick ? 0.1 : scale, only: only, tracingModes: tracing.modes) { line in
            print(line)
            // Each figure shows as it is measured, even through a pipe.
            fflush(nil)
        }
        do { try benchmarks.run() } catch let error as BenchError { throw fail(error.message) }
    }
}
