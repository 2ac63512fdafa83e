import Foundation

/// Milliseconds from process start to the first frame drawn, headless: the median of 20 runs
/// of `interleave startup-probe` (`StartupProbe`), timed from before the process is spawned to its exit.
struct StartupBenchmark {
    let executable: URL
    let output: (String) -> Void

    func run() throws {
        var samples: [Double] = []
        for _ in 0..<20 {
            let process = Process()
            process.executableURL = executable
            process.arguments = ["startup-probe"]
            process.standardOutput = FileHandle.nullDevice
            let start = ContinuousClock.now
            do { try process.run() } catch { throw BenchError(message: "cannot start \(executable.path): \(error)") }
            process.waitUntilExit()
            samples.append((ContinuousClock.now - start).seconds * 1000)
            guard process.terminationStatus == 0 else { throw BenchError(message: "startup-probe exited with \(process.terminationStatus)") }
        }
        output("interleave startup-ms-median \(String(format: "%.1f", BenchLine.median(samples)))")
    }
}
