import Interleave
import InterleaveUI

/// Milliseconds to render one full frame headless, with 1,000 task lanes and 100,000 events.
enum RenderBenchmark {
    static func run() {
        let store = TraceStore()
        let recorder = TraceRecorder(store: store)
        let root = recorder.createTask(name: "main", parent: .none, at: 0)
        let tasks = [root] + (1..<1000).map { recorder.createTask(name: "task\($0)", parent: root, at: 0) }
        let lock = recorder.createResource(name: "lock", kind: .lock, by: root, at: 0)
        var time: Int64 = 0
        for round in 0..<34 {
            for task in tasks {
                recorder.record(.taskResumed, task: task, at: time)
                if round % 3 == 0 {
                    recorder.record(.taskWaiting, task: task, resource: lock, arg: TraceEvent.waitArg(.acquire), at: time)
                } else {
                    recorder.record(.taskSleeping, task: task, arg: time + 1_000_000, at: time)
                }
                recorder.record(.taskWoken, task: task, at: time + 1_000_000)
            }
            time += 1_000_000
        }
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
                + "lanes \(tasks.count) events \(store.events.count)")
        }
    }
}
