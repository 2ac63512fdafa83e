import Foundation
import Interleave

/// Everything `interleave bench` measures: the peers' five workloads (traced and untraced, and
/// for spawn_gather and event the floor of Swift itself, `SwiftRawFloor`: each the fastest of
/// five runs, taken in rounds), then the trace's own costs, seeking, rendering and startup.
/// Build with `-c release` for meaningful figures.
///
/// ```swift
/// try Benchmarks(scale: 0.1, only: "pingpong") { print($0) }.run()
/// ```
public struct Benchmarks {
    /// Multiplies every count (as the peers' second argument does); 0.1 checks that each works.
    public var scale: Double
    /// Runs only the benchmarks whose name contains this text.
    public var only: String?
    /// Runs the workloads traced (true), untraced (false), or both in that order.
    public var tracingModes: [Bool]
    /// The `interleave` executable the startup benchmark launches (`startup-probe`).
    public var executable: URL
    /// Hears each line of results as soon as it is measured.
    public let output: (String) -> Void

    public init(
        scale: Double, only: String? = nil, tracingModes: [Bool] = [true, false],
        executable: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath(),
        output: @escaping (String) -> Void
    ) {
        self.scale = scale
        self.only = only
        self.tracingModes = tracingModes
        self.executable = executable
        self.output = output
    }

    func wanted(_ name: String) -> Bool { only.map { name.contains($0) } ?? true }

    public func run() throws {
        for workload in PeerWorkloads.all(scale: scale) where wanted(workload.name) {
            try runPeerWorkload(workload)
        }
        let trace = TraceBenchmarks(scale: scale, output: output)
        if ["trace-write", "trace-read", "memory"].contains(where: wanted) {
            try trace.measureFiles(write: wanted("trace-write"), read: wanted("trace-read"), memory: wanted("memory"))
        }
        if wanted("seek") { trace.seek() }
        if wanted("explore") { ExploreBenchmark(scale: scale, output: output).run() }
        if wanted("python") { try PythonBenchmark(scale: scale, output: output).run() }
        if wanted("render") { RenderBenchmark(output: output).run() }
        if wanted("startup") { try StartupBenchmark(executable: executable, output: output).run() }
    }
}

extension Benchmarks {
    /// Times a peer workload traced and untraced (as `tracingModes` says) and, where it has one,
    /// Swift's floor of it, in rounds (`BenchLine.fastestInRounds`), and prints a line for each.
    func runPeerWorkload(_ workload: PeerWorkloads.Workload) throws {
        var events = 0
        // Each run on a fresh loop. A single run, first in its process, paid for growing a cold
        // heap: the traced run looked up to a fifth dearer than the untraced one for that alone.
        var measures: [() throws -> Double] = tracingModes.map { traced in
            {
                let loop = Loop(tracing: traced)
                let start = ContinuousClock.now
                _ = try loop.run("main", workload.run)
                let seconds = (ContinuousClock.now - start).seconds
                if traced { events = loop.store.events.count }
                return seconds
            }
        }
        let floor = SwiftRawFloor.run(for: workload)
        if let floor { measures.append(floor) }
        let seconds = try BenchLine.fastestInRounds(measures)
        for (traced, fastest) in zip(tracingModes, seconds) {
            output(BenchLine.rate(traced ? "interleave" : "interleave-notrace", workload.name, workload.ops, fastest))
            if traced { output("interleave \(workload.name) events \(events)") }
        }
        if floor != nil, let fastest = seconds.last {
            output(BenchLine.rate("swift-raw", workload.name, workload.ops, fastest))
        }
    }
}

/// A benchmark that could not run, in one line.
public struct BenchError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
