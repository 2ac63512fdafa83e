import Demos
import Foundation
import Interleave
import InterleaveApp
import InterleaveUI

/// What `interleave demo hello` does up to its first frame, rendered into a buffer instead of
/// the terminal: `interleave startup-probe` runs it, and `StartupBenchmark` times that process.
///
/// ```swift
/// let frame = try StartupProbe.firstFrame()   // the screen once the main task exists
/// ```
public enum StartupProbe {
    /// Throws `BenchError` when the demo records nothing within `patience`.
    @discardableResult
    public static func firstFrame(patience: Duration = .seconds(5)) throws -> Buffer {
        guard let demo = Catalogue.named("hello") else { throw BenchError(message: "the hello demo is missing") }
        let run = HeadlessRun(policy: .fifo) { demo.start(on: $0, options: DemoOptions(seed: 1, tasks: 1)) }
        let live = LiveSource(policy: .fifo, speed: 1, startPaused: false) { run.makeLoop(policy: $0) }
        defer { live.retire() }
        let store = live.loop.store
        let deadline = ContinuousClock.now + patience
        // The first frame worth drawing shows the main task created.
        while store.events.count == 0 {
            guard ContinuousClock.now < deadline else { throw BenchError(message: "the demo recorded nothing within \(patience)") }
            Thread.sleep(forTimeInterval: 0.000_2)
        }
        let cursor = TraceCursor(store: store)
        cursor.catchUp()
        var state = AppState(width: 120, height: 40)
        _ = state.reduce(.worldChanged(WorldFacts(store: store, world: cursor.world, latestStep: cursor.totalSteps)))
        let frame = Screen.render(store: store, world: cursor.world, state: state, theme: .color, glyphs: .unicode,
                                  width: 120, height: 40)
        _ = frame.changes(since: nil)
        return frame
    }
}
