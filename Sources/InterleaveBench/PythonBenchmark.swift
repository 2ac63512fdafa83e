import Foundation
import Interleave
import InterleavePython

/// `interleave bench python`: a ping-pong of messages through two `asyncio.Queue`s, run by plain
/// CPython (`asyncio.run`) and under Interleave (`interleave run`, traced), side by side, with
/// the ratio. Both figures leave out python3's own start-up (measured apart and taken off), so
/// the ratio is the cost of stepping every task step through the loop. The program is
/// `Resources/python/benchmarks/pingpong.py` of `InterleavePython`.
struct PythonBenchmark {
    var scale: Double
    let output: (String) -> Void


    func run() throws {
        if let problem = PythonProgram.interpreterProblem() { return output("python-pingpong skipped: \(problem)") }
        let rounds = max(2_000, Int(100_000 * scale))
        guard let file = PythonProgram.benchmarkFile("pingpong.py") else {
            throw BenchError(message: "python-pingpong: the benchmark program is missing from InterleavePython's resources")
        }
        // Each round is one message each way.
        let messages = rounds * 2
        let startup = BenchLine.median((0..<3).map { _ in wallSeconds(python: ["-c", "import asyncio"]) })
        let plain = max(0, BenchLine.median((0..<3).map { _ in wallSeconds(python: [file.path, "\(rounds)"]) }) - startup)
        output(BenchLine.rate("cpython-asyncio", "python-pingpong", messages, plain))
        // A first short run writes the package's bytecode cache (a fresh machine compiles it
        // once, ~200 ms), so that every timed run starts as a user's second run does.
        _ = try tracedRun(file, rounds: 1)
        let runs = try (0..<3).map { _ in try tracedRun(file, rounds: rounds) }
        let traced = BenchLine.median(runs.map(\.seconds)) - startup
        output(BenchLine.rate("interleave", "python-pingpong", messages, traced))
        // Below a few milliseconds CPython's own run is lost in its start-up's variation.
        let ratio = plain >= 0.005 ? String(format: "%.1fx cpython", traced / plain) : "n/a (cpython's run too short to time)"
        output("interleave python-pingpong events \(runs[0].events) ratio \(ratio)")
    }

    /// Wall seconds and recorded events of the ping-pong under Interleave, running ahead as
    /// `--plain` does (nobody steps it).
    private func tracedRun(_ file: URL, rounds: Int) throws -> (seconds: Double, events: Int) {
        let start = ContinuousClock.now
        let loop = Loop()
        let outcome = PythonProgram(path: file.path, arguments: ["\(rounds)"]).start(on: loop, runningAhead: true)
        loop.runUntilIdle()
        loop.close()
        let seconds = (ContinuousClock.now - start).seconds
        guard outcome.status == 0 else { throw BenchError(message: "python-pingpong failed under interleave: \(outcome.reason ?? "?")") }
        return (seconds, loop.store.events.count)
    }

    /// Wall seconds of `python3 arguments…`, output discarded.
    private func wallSeconds(python arguments: [String]) -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = ContinuousClock.now
        guard (try? process.run()) != nil else { return 0 }
        process.waitUntilExit()
        return (ContinuousClock.now - start).seconds
    }
}
