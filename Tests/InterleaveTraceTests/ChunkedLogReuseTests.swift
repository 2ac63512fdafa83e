import InterleaveTrace
import Testing

@Suite struct ChunkedLogReuseTests {
    @Test func removeAllEmptiesTheLogAndItFillsAgainAcrossChunks() {
        let log = ChunkedLog<String>()
        let many = ChunkedLog<String>.capacity / (1 << 18) * 2 + 5  // two chunks and a bit
        for round in 0..<3 {
            for i in 0..<many { log.append("\(round)-\(i)") }
            #expect(log.count == many)
            #expect(log[0] == "\(round)-0")
            #expect(log[many - 1] == "\(round)-\(many - 1)")
            log.removeAll()
            #expect(log.count == 0)
            #expect(log.snapshot().isEmpty)
        }
    }

    @Test func removeAllAfterDiscardingKeepsTheChunksStillHeld() {
        let log = ChunkedLog<Int>()
        let chunk = ChunkedLog<Int>.capacity / (1 << 18)
        for i in 0..<(chunk * 3 + 1) { log.append(i) }
        log.discard(below: chunk * 2)
        #expect(log.firstHeldIndex == chunk * 2)
        log.removeAll()
        #expect(log.firstHeldIndex == 0)
        for i in 0..<(chunk * 4) { log.append(i * 2) }
        #expect(log.count == chunk * 4)
        #expect(log[chunk * 3 + 7] == (chunk * 3 + 7) * 2)
    }

    @Test func aStoreEmptiedForReuseIsLikeANewOne() {
        let store = TraceStore()
        let recorder = TraceRecorder(store: store)
        recorder.createTask(name: "main", parent: .none, at: 0)
        _ = recorder.intern("hello")
        var header = store.header
        header.demoName = "bank"
        store.header = header
        store.removeAll()
        let fresh = TraceStore()
        #expect(store.events.count == 0 && store.tasks.count == 0 && store.strings.count == 0)
        #expect(store.locations.snapshot() == fresh.locations.snapshot())
        #expect(store.header == fresh.header)
        #expect(store.sources.isEmpty)
    }
}
