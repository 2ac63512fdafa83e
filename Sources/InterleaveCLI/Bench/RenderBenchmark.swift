import Interleave
import InterleaveUI

/// Milliseconds to render one full frame headless, with 1,000 task lanes and 100,000 events.
enum RenderBenchmark {
    static func run() {
        let store = SyntheticTrace.crowd(lanes: 1000, rounds: 34)
        let cursor = TraceCursor(store: store)
        cursor.catchUp()
        for (width, height) in [(120, 40), (200, 60)] {
            var state = AppState(width: width, height: height)
            _ = state.reduce(.worldChanged(WorldFacts(store: store, world: cursor.world, latestStep: cursor.totalSteps)))
            _ = state.reduce(.selectNext)
            var previous: Buffer?
            var samples: [Double] = []
            for _ in 0..<50 {
                let start = ContinuousClock.now
                let frame = Screen.render(store: store, world: cursor.world, state: state, theme: .color,
                                          glyphs: .unicode, width: width, height: height)
                // Diffing against the previous frame is part of what a backend does per frame.
                _ = frame.changes(since: previous)
                previous = frame
                samples.append((ContinuousClock.now - start).seconds * 1000)
            }
            samples.sort()
            print("interleave render-ms-median \(width)x\(height) \(String(format: "%.3f", samples[samples.count / 2])) "
                + "lanes \(store.tasks.count) events \(store.events.count)")
        }
    }
}
