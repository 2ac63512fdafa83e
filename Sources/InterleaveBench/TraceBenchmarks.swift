import Foundation
import Interleave

/// Benchmarks of the trace itself: writing and reading files, memory per event, seeking.
struct TraceBenchmarks {
    let scale: Double
    let output: (String) -> Void

    /// Writing, reading and holding a real trace in memory.
    func measureFiles(write: Bool, read: Bool, memory: Bool) throws {
        // A representative trace: the lock workload records every kind of common event.
        let loop = Loop()
        let iterations = max(1, Int(2_000 * scale))
        _ = try loop.run("main") { try await PeerWorkloads.lock(tasks: 100, iterations: iterations) }
        let store = loop.store
        let events = store.events.count
        let path = NSTemporaryDirectory() + "interleave-bench-\(getpid()).itrace"
        defer { try? FileManager.default.removeItem(atPath: path) }

        if write {
            let start = ContinuousClock.now
            try TraceFileRecorder.write(store, to: path)
            output(BenchLine.rate("interleave", "trace-write", events, (ContinuousClock.now - start).seconds))
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            output("interleave trace-bytes-per-event \(String(format: "%.2f", Double(size) / Double(max(events, 1))))")
        }
        if read {
            if !FileManager.default.fileExists(atPath: path) { try TraceFileRecorder.write(store, to: path) }
            let start = ContinuousClock.now
            let loaded = try TraceDecoder.decodeFile(atPath: path)
            output(BenchLine.rate("interleave", "trace-read", loaded.store.events.count, (ContinuousClock.now - start).seconds))
        }
        if memory {
            let cursor = TraceCursor(store: store)
            cursor.catchUp()
            cursor.indexAll()
            let bytes = store.eventBytes + cursor.indexBytes
                + cursor.world.tasks.count * MemoryLayout<TaskSnapshot>.stride
                + cursor.world.resources.count * MemoryLayout<ResourceSnapshot>.stride
            output("interleave memory-bytes-per-event \(String(format: "%.2f", Double(bytes) / Double(max(events, 1))))")
        }
    }

    /// Median time to show the world at a random step, over 100 seeks. The target is stated
    /// for a 10,000,000-event trace: about 1,000 lanes × rounds × 3.
    func seek() {
        let store = SyntheticTrace.crowd(lanes: 1000, rounds: max(1, Int(3_334 * scale)))
        let cursor = TraceCursor(store: store)
        cursor.indexAll()
        var rng = SeededGenerator(seed: 7)
        var samples: [Double] = []
        for _ in 0..<100 {
            let step = Int.random(in: 0...max(0, cursor.totalSteps), using: &rng)
            let start = ContinuousClock.now
            cursor.seek(toStep: step)
            samples.append((ContinuousClock.now - start).seconds * 1000)
        }
        output("interleave seek-ms-median \(String(format: "%.3f", BenchLine.median(samples))) events \(store.events.count)")
    }
}
