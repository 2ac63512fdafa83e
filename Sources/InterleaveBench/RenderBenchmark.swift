import Interleave
import InterleaveUI

/// Milliseconds to render one full frame headless, with 1,000 task lanes and 100,000 events,
/// and with the 100,000 lanes of the largest swarm.
struct RenderBenchmark {
    let output: (String) -> Void

    func run() {
        measure(SyntheticTrace.crowd(lanes: 1000, rounds: 34), sizes: [(120, 40), (200, 60)])
        // `interleave demo swarm --tasks 100000` must stay above 20 frames a second.
        measure(SyntheticTrace.crowd(lanes: 100_000, rounds: 3), sizes: [(200, 60)])
    }

    private func measure(_ store: TraceStore, sizes: [(Int, Int)]) {
        let cursor = TraceCursor(store: store)
        cursor.catchUp()
        for (width, height) in sizes {
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
            output("interleave render-ms-median \(width)x\(height) \(String(format: "%.3f", BenchLine.median(samples))) "
                + "lanes \(store.tasks.count) events \(store.events.count)")
        }
    }
}
