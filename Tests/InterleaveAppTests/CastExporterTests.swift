import InterleaveApp
import InterleaveTrace
import Testing

/// The cast's clock: frames through quiet stretches, and a bound on how long one may play.
@Suite struct CastExporterTests {
    /// A task that sleeps `seconds` of virtual time between two events.
    static func sleeper(seconds: Double) -> TraceStore {
        let store = TraceStore()
        let recorder = TraceRecorder(store: store)
        let task = recorder.createTask(name: "main", parent: .none, at: 0)
        let end = Int64(min(seconds * 1e9, 9.0e18))
        recorder.record(.taskResumed, task: task, at: 0)
        recorder.record(.taskSleeping, task: task, arg: end, at: 0)
        recorder.record(.taskWoken, task: task, at: end)
        recorder.record(.taskResumed, task: task, at: end)
        recorder.record(.taskReturned, task: task, at: end)
        return store
    }

    /// The times of the output events, without the held last frame.
    static func frameTimes(_ exporter: CastExporter, _ store: TraceStore) -> [Double] {
        var times: [Double] = []
        exporter.write(store) { line in
            guard line.hasPrefix("["), line.contains("\"o\"") else { return }
            times.append(Double(line.dropFirst().prefix { $0 != "," }) ?? -1)
        }
        return Array(times.dropLast())
    }

    @Test func aSleepIsFilmedFrameByFrame() {
        let times = Self.frameTimes(CastExporter(width: 80, height: 24, framesPerSecond: 20), Self.sleeper(seconds: 3))
        #expect(times.count >= 50, "the clock moves through the sleep: \(times.count) frames")
        #expect(abs((times.last ?? 0) - 3) < 0.1)
    }

    @Test func aStillStretchPlaysInAtMostTheIdleLimit() {
        let times = Self.frameTimes(CastExporter(width: 80, height: 24, framesPerSecond: 10, idleLimit: 2), Self.sleeper(seconds: 30))
        #expect((times.last ?? 99) <= 2.2, "30 s played in about 2: \(times.last ?? -1)")
        #expect(times.count >= 10)
    }

    @Test func aCenturyBetweenEventsStillEndsInBoundedFrames() {
        let times = Self.frameTimes(CastExporter(width: 80, height: 24), Self.sleeper(seconds: 3e9))
        #expect((times.last ?? .infinity) <= CastExporter.defaultIdleLimit + 0.2)
    }
}
