/// Builds large traces without running anything, for benchmarks and scale tests.
public enum SyntheticTrace {
    /// `lanes` tasks under one root, each alternating between waiting on a shared lock and
    /// sleeping for `rounds` rounds of 1 ms: about `lanes × rounds × 3` events.
    ///
    /// ```swift
    /// let store = SyntheticTrace.crowd(lanes: 1000, rounds: 34)   // ≈ 100,000 events
    /// ```
    public static func crowd(lanes: Int, rounds: Int) -> TraceStore {
        let store = TraceStore()
        let recorder = TraceRecorder(store: store)
        let root = recorder.createTask(name: "main", parent: .none, at: 0)
        let tasks = [root] + (1..<max(1, lanes)).map { recorder.createTask(name: "task\($0)", parent: root, at: 0) }
        let lock = recorder.createResource(name: "lock", kind: .lock, by: root, at: 0)
        var time: Int64 = 0
        for round in 0..<rounds {
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
        return store
    }
}
