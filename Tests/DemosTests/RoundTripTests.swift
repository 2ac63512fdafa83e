import Demos
import Interleave
import InterleaveTrace
import Testing

/// Record → replay: a demo's trace written to the file format and read back gives the same
/// world at every step as the live run did.
@Suite struct RoundTripTests {
    // fetch opens real sockets; its own serialized suite covers it.
    static let names = Catalogue.all.map(\.name).filter { $0 != "fetch" }

    @Test(arguments: names)
    func replayedTraceMatchesTheRunAtEveryStep(name: String) throws {
        let run = DemoRun(name)
        let encoder = TraceEncoder(store: run.store)
        let loaded = try TraceDecoder.decode(encoder.fileStart() + encoder.encodeNew())
        #expect(!loaded.truncated)
        #expect(loaded.store.events.snapshot() == run.store.events.snapshot())
        #expect(loaded.store.sources == run.store.sources)

        let live = TraceCursor(store: run.store)
        let replayed = TraceCursor(store: loaded.store)
        live.indexAll()
        replayed.indexAll()
        #expect(replayed.totalSteps == live.totalSteps)
        for step in 0...live.totalSteps {
            live.seek(toStep: step)
            replayed.seek(toStep: step)
            #expect(replayed.world == live.world, "world differs at step \(step)")
        }
    }
}
