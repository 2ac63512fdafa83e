import InterleaveTrace
import Testing

/// Each test has its own pool, so that other tests' logs (on the shared one) cannot disturb it.
@Suite struct SpareChunksTests {
    static let chunk = ChunkedLog<Int>.capacity / (1 << 18)
    static let chunkBytes = chunk * MemoryLayout<Int>.stride

    @Test func aGivenChunkIsTakenBackOnlyForItsOwnSize() {
        let spares = SpareChunks(capacityBytes: 1 << 20)
        let chunk = SpareChunks.allocate(bytes: 4096)
        spares.give(chunk, bytes: 4096)
        #expect(spares.heldBytes == 4096)
        #expect(spares.take(bytes: 8192) == nil)
        #expect(spares.take(bytes: 4096) == chunk)
        #expect(spares.heldBytes == 0)
        #expect(spares.take(bytes: 4096) == nil)
        spares.give(chunk, bytes: 4096)   // the pool's deinit frees it
    }

    @Test func chunksPastTheCapAreFreedNotHeld() throws {
        let spares = SpareChunks(capacityBytes: 8192)
        for _ in 0..<3 { spares.give(SpareChunks.allocate(bytes: 4096), bytes: 4096) }
        #expect(spares.heldBytes == 8192)
        let first = try #require(spares.take(bytes: 4096))
        let second = try #require(spares.take(bytes: 4096))
        #expect(spares.take(bytes: 4096) == nil)
        // Taken chunks are the taker's to free (LeakSanitizer checks that the third was freed).
        first.deallocate()
        second.deallocate()
    }

    @Test func aFreedLogsChunksAreReusedByTheNextLog() {
        let spares = SpareChunks(capacityBytes: 64 << 20)
        var first: ChunkedLog<Int>? = ChunkedLog(spares: spares)
        for i in 0..<(Self.chunk * 2 + 1) { first!.append(i) }
        #expect(spares.heldBytes == 0)
        first = nil
        #expect(spares.heldBytes == 3 * Self.chunkBytes)

        let second = ChunkedLog<Int>(spares: spares)
        for i in 0..<(Self.chunk + 1) { second.append(-i) }
        #expect(spares.heldBytes == Self.chunkBytes)
        #expect(second[0] == 0)
        #expect(second[Self.chunk] == -Self.chunk)
        #expect(second.snapshot() == (0...Self.chunk).map { -$0 })
    }

    @Test func discardedChunksServeTheSameLogsGrowth() {
        let spares = SpareChunks(capacityBytes: 64 << 20)
        let log = ChunkedLog<Int>(spares: spares)
        for i in 0..<(Self.chunk * 2) { log.append(i) }
        log.discard(below: Self.chunk)
        #expect(spares.heldBytes == Self.chunkBytes)
        for i in 0..<Self.chunk { log.append(i) }
        #expect(spares.heldBytes == 0)
        #expect(log[Self.chunk * 2 + 5] == 5)
        #expect(log.allocatedBytes == 2 * Self.chunkBytes)
    }

    @Test func chunksMoveBetweenLogsOfDifferentElementsOfTheSameSize() {
        let spares = SpareChunks(capacityBytes: 64 << 20)
        var strings: ChunkedLog<String>? = ChunkedLog(spares: spares)
        strings!.append("dropped with its log")
        strings = nil
        // A String and a SIMD2<Int> both take 16 bytes a slot.
        #expect(spares.heldBytes == Self.chunkBytes * 2)
        let pairs = ChunkedLog<SIMD2<Int>>(spares: spares)
        pairs.append(SIMD2(3, 4))
        #expect(spares.heldBytes == 0)
        #expect(pairs[0] == SIMD2(3, 4))
    }
}
