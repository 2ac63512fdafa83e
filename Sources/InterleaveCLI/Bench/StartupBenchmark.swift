import Foundation

/// Milliseconds from process start to the first frame drawn, headless: the median of 20 runs
/// of `interleave startup-probe`, timed from before the process is spawned to its exit.
enum StartupBenchmark {
    static func run() throws {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var samples: [Double] = []
        for _ in 0..<20 {
            let process = Process()
            process.executableURL = executable
            process.arguments = ["startup-probe"]
            process.standardOutput = FileHandle.nullDevice
            let start = ContinuousClock.now
            try process.run()
            process.waitUntilExit()
            samples.append((ContinuousClock.now - start).seconds * 1000)
            guard process.terminationStatus == 0 else { throw fail("startup-probe exited with \(process.terminationStatus)") }
        }
        samples.sort()
        print("interleave startup-ms-median \(String(format: "%.1f", samples[samples.count / 2]))")
    }
}
