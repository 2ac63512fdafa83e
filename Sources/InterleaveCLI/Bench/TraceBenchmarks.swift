import Foundation
import Interleave
import InterleaveUI

/// Benchmarks of the trace itself: writing and reading files, memory per event, seeking.
struct TraceBenchmarks {
    let scale: Double
    let only: String?

    func wanted(_ name: String) -> Bool { only.map { name.contains($0) } ?? true }

    func run() throws {
        if ["trace-write", "trace-read", "memory"].contains(where: wanted) { try measureTraceFiles() }
        if wanted("seek") {
            // The target is stated for a 10,000,000-event trace: about 1,000 lanes × rounds × 3.
            seek(store: SyntheticTrace.crowd(lanes: 1000, rounds: max(1, Int(3_334 * scale))))
        }
        if wanted("render") { RenderBenchmark.run() }
        if wanted("startup") { try StartupBenchmark.run() }
    }

    /// Writing, reading and holding a real trace in memory.
    private func measureTraceFiles() throws {
        // A representative trace: the lock workload records every kind of common event.
        let loop = Loop()
        _ = try loop.run("main") { try await PeerWorkloads.lock(tasks: 100, iterations: Int(2_000 * scale)) }
        let store = loop.store
        let events = store.events.count
        let path = NSTemporaryDirectory() + "interleave-bench-\(getpid()).itrace"
        defer { try? FileManager.default.removeItem(atPath: path) }

        if wanted("trace-write") {
            let start = ContinuousClock.now
            try TraceFileRecorder.write(store, to: path)
            report("interleave", "trace-write", events, (ContinuousClock.now - start).seconds)
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            print("interleave trace-bytes-per-event \(String(format: "%.2f", Double(size) / Double(max(events, 1))))")
        }
        if wanted("trace-read") {
            if !FileManager.default.fileExists(atPath: path) { try TraceFileRecorder.write(store, to: path) }
            let start = ContinuousClock.now
            let loaded = try TraceDecoder.decodeFile(atPath: path)
            report("interleave", "trace-read", loaded.store.events.count, (ContinuousClock.now - start).seconds)
        }
        if wanted("memory") {
            let cursor = TraceCursor(store: store)
            cursor.catchUp()
            cursor.indexAll()
            let bytes = store.eventBytes + cursor.indexBytes
                + cursor.world.tasks.count * MemoryLayout<TaskSnapshot>.stride
                + cursor.world.resources.count * MemoryLayout<ResourceSnapshot>.stride
            print("interleave memory-bytes-per-event \(String(format: "%.2f", Double(bytes) / Double(max(events, 1))))")
        }
    }

    /// Median time to show the world at a random step, over 100 seeks.
    private func seek(store: TraceStore) {
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
        samples.sort()
        print("interleave seek-ms-median \(String(format: "%.3f", samples[samples.count / 2])) events \(store.events.count)")
    }
}
