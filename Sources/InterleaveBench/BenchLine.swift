import Foundation

/// The lines `interleave bench` prints, in the peers' format, so that `bench/compare.sh` can put
/// them side by side: `<runtime> <workload> <ops> <seconds> <ops_per_sec>`.
///
/// ```swift
/// BenchLine.rate("interleave", "pingpong", 200_000, 0.5)   // "interleave pingpong 200000 0.5000 400000"
/// ```
public enum BenchLine {
    public static func rate(_ runtime: String, _ name: String, _ ops: Int, _ seconds: Double) -> String {
        let perSecond = seconds > 0 ? Double(ops) / seconds : 0
        return "\(runtime) \(name) \(ops) \(String(format: "%.4f", seconds)) \(String(format: "%.0f", perSecond))"
    }

    /// The middle sample of an unsorted list (the upper one of an even count); 0 when empty.
    static func median(_ samples: [Double]) -> Double {
        samples.isEmpty ? 0 : samples.sorted()[samples.count / 2]
    }

    /// How many times each peer workload is timed, by every runtime alike (see `fastestInRounds`).
    static let workloadRuns = 5

    /// The fastest of `workloadRuns` timings (seconds) of each of `measures`, taken in rounds:
    /// each round times every one once, in order. The fastest, not the median: on a shared
    /// machine other work only ever adds time, and one side-by-side run here saw a runtime's
    /// median move by 40 % between runs minutes apart. In rounds, not one after another: a
    /// machine that is slower for a while is slower for all of them alike, and the ratios
    /// between them (tracing's cost, the share of Swift's floor) are what the targets are.
    /// The peers' script also takes the fastest of five (`bench/peers/asyncio_workloads.py`).
    static func fastestInRounds(_ measures: [() throws -> Double]) throws -> [Double] {
        var best = [Double](repeating: .infinity, count: measures.count)
        for _ in 0..<workloadRuns {
            for (index, measure) in measures.enumerated() { best[index] = min(best[index], try measure()) }
        }
        return best
    }
}

extension Duration {
    /// The duration in seconds, as a benchmark line shows it.
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}
