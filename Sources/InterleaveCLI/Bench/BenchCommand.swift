import ArgumentParser
import Foundation
import Interleave

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
        let factor = quick ? 0.1 : scale
        for workload in PeerWorkloads.all(scale: factor) where only.map({ workload.name.contains($0) }) ?? true {
            for traced in tracing.modes {
                let loop = Loop(tracing: traced)
                let start = ContinuousClock.now
                _ = try loop.run("main", workload.run)
                let seconds = (ContinuousClock.now - start).seconds
                let runtime = traced ? "interleave" : "interleave-notrace"
                report(runtime, workload.name, workload.ops, seconds)
                if traced { print("interleave \(workload.name) events \(loop.store.events.count)") }
            }
        }
        try TraceBenchmarks(scale: factor, only: only).run()
    }
}

/// Prints one line in the peers' format.
func report(_ runtime: String, _ name: String, _ ops: Int, _ seconds: Double) {
    let rate = seconds > 0 ? Double(ops) / seconds : 0
    print("\(runtime) \(name) \(ops) \(String(format: "%.4f", seconds)) \(String(format: "%.0f", rate))")
    fflush(nil)
}

extension Duration {
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}
