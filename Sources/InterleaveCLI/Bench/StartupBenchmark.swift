import ArgumentParser
import Demos
import Foundation
import Interleave
import InterleaveApp
import InterleaveUI

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

/// `interleave startup-probe` (hidden): what `interleave demo hello` does up to its first
/// frame, rendered into a buffer instead of the terminal, then exit.
struct StartupProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "startup-probe", shouldDisplay: false)

    func run() throws {
        let demo = try lookUpDemo("hello")
        let live = LiveSource(policy: .fifo, speed: 1, startPaused: false) { policy in
            let loop = Loop(policy: policy)
            demo.start(on: loop, options: DemoOptions(seed: 1, tasks: 1))
            return loop
        }
        defer { live.retire() }
        let store = live.loop.store
        let deadline = ContinuousClock.now + .seconds(5)
        // The first frame worth drawing shows the main task created.
        while store.events.count == 0 {
            guard ContinuousClock.now < deadline else { throw fail("the demo recorded nothing within 5 s") }
            Thread.sleep(forTimeInterval: 0.000_2)
        }
        let cursor = TraceCursor(store: store)
        cursor.catchUp()
        var state = AppState(width: 120, height: 40)
        _ = state.reduce(.worldChanged(WorldFacts(store: store, world: cursor.world, latestStep: cursor.totalSteps)))
        let frame = Screen.render(store: store, world: cursor.world, state: state, theme: .color, glyphs: .unicode,
                                  width: 120, height: 40)
        _ = frame.changes(since: nil)
    }
}
