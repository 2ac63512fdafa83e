@testable import Interleave
import Testing

@Suite struct ItemRingTests {
    @Test func keepsFIFOOrderAcrossWrapAroundAndGrowth() {
        var ring = ItemRing<Int>()
        var expected: [Int] = []
        var next = 0
        // Interleave appends and removals so the head wraps before the ring grows.
        for round in 0..<50 {
            for _ in 0..<(round % 7 + 3) { ring.append(next); expected.append(next); next += 1 }
            for _ in 0..<(round % 5 + 1) where !expected.isEmpty {
                #expect(ring.removeFirst() == expected.removeFirst())
            }
            #expect(ring.elements == expected)
            #expect(ring.count == expected.count)
        }
    }

    @Test func releasesItemsLeftInItWhenDropped() {
        final class Census { var alive = 0 }
        final class Tracked {
            let census: Census
            init(_ census: Census) { self.census = census; census.alive += 1 }
            deinit { census.alive -= 1 }
        }
        let census = Census()
        do {
            var ring = ItemRing<Tracked>()
            for _ in 0..<20 { ring.append(Tracked(census)) }
            _ = ring.removeFirst()
            #expect(census.alive == 19)
        }
        #expect(census.alive == 0)
    }
}
