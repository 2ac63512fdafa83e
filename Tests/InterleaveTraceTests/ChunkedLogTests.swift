import Foundation
import Synchronization
import Testing
@testable import InterleaveTrace

/// ChunkedLog: one writer, many lock-free readers, chunks of 16384 elements.
@Suite struct ChunkedLogTests {
    static let chunk = 1 << 14

    @Test func appendCountAndSubscriptAcrossChunkBoundaries() {
        let log = ChunkedLog<Int>()
        #expect(log.count == 0)
        #expect(log.snapshot().isEmpty)
        let n = 2 * Self.chunk + 1234
        for i in 0..<n { #expect(log.append(i * 3) == i) }
        #expect(log.count == n)
        for i in [0, 1, Self.chunk - 1, Self.chunk, Self.chunk + 1, 2 * Self.chunk - 1, 2 * Self.chunk, n - 1] {
            #expect(log[i] == i * 3)
        }
        #expect(log.snapshot() == (0..<n).map { $0 * 3 })
        #expect(log.allocatedBytes == 3 * Self.chunk * MemoryLayout<Int>.stride)
        #expect(ChunkedLog<Int>.capacity == Self.chunk << 18)
    }

    @Test func withRunsSplitsAtChunkBoundariesAndCoversTheRangeExactly() {
        let log = ChunkedLog<Int>()
        for i in 0..<(3 * Self.chunk) { log.append(i) }
        var runs: [(start: Int, count: Int)] = []
        var seen: [Int] = []
        log.withRuns(in: (Self.chunk - 10)..<(2 * Self.chunk + 5)) { run, start in
            runs.append((start, run.count))
            seen.append(contentsOf: run)
        }
        #expect(runs.map(\.start) == [Self.chunk - 10, Self.chunk, 2 * Self.chunk])
        #expect(runs.map(\.count) == [10, Self.chunk, 5])
        #expect(seen == Array((Self.chunk - 10)..<(2 * Self.chunk + 5)))

        var calls = 0
        log.withRuns(in: 5..<5) { _, _ in calls += 1 }
        #expect(calls == 0)
        var inside: [Int] = []
        log.withRuns(in: 100..<110) { run, start in
            #expect(start == 100)
            inside.append(contentsOf: run)
        }
        #expect(inside == Array(100..<110))
    }

    @Test func discardingFreesWholeOldChunksAndKeepsIndicesStable() {
        let log = ChunkedLog<Int>()
        let chunk = 1 << 14
        for i in 0..<(3 * chunk + 5) { log.append(i) }
        let before = log.allocatedBytes
        // Index chunk + 1 lies inside the second chunk: only the first is wholly below it.
        log.discard(below: chunk + 1)
        #expect(log.firstHeldIndex == chunk)
        #expect(log.allocatedBytes == before - chunk * MemoryLayout<Int>.stride)
        #expect(log[chunk] == chunk)
        #expect(log[3 * chunk + 4] == 3 * chunk + 4)
        log.discard(below: 10 * chunk)   // never past what was written
        #expect(log.firstHeldIndex == 3 * chunk)
        #expect(log.append(-1) == 3 * chunk + 5)
        #expect(log.snapshot() == Array(3 * chunk..<(3 * chunk + 5)) + [-1])
    }

    @Test func withRunsRethrows() {
        struct Stop: Error {}
        let log = ChunkedLog<Int>()
        for i in 0..<(Self.chunk + 10) { log.append(i) }
        var runs = 0
        #expect(throws: Stop.self) {
            try log.withRuns(in: 0..<log.count) { _, _ in
                runs += 1
                throw Stop()
            }
        }
        #expect(runs == 1)
    }

    @Test func referenceCountedElementsSurviveChunkGrowthAndRelease() {
        final class Payload: Sendable {
            let value: Int
            init(_ value: Int) { self.value = value }
        }
        weak var firstPayload: Payload?
        do {
            let log = ChunkedLog<Payload>()
            for i in 0..<(Self.chunk + 1) {
                let payload = Payload(i)
                if i == 0 { firstPayload = payload }
                log.append(payload)
            }
            #expect(log[Self.chunk].value == Self.chunk)
            #expect(firstPayload?.value == 0)
        }
        // The log released its elements when it went away.
        #expect(firstPayload == nil)
    }

    /// An element whose parts must agree: a torn or unpublished read shows up as a mismatch.
    struct Sample: Sendable {
        var index: Int
        var check: UInt64
        var label: String
        init(_ index: Int) {
            self.index = index
            check = UInt64(index) &* 0x9E37_79B9_7F4A_7C15
            label = "item-\(index)"
        }
        var isIntact: Bool {
            check == UInt64(index) &* 0x9E37_79B9_7F4A_7C15 && label == "item-\(index)"
        }
    }

    final class ReaderReport: Sendable {
        struct State {
            var checked = 0
            var polls = 0
            var problems: [String] = []
        }
        let state = Mutex(State())
    }

    @Test func aReaderThreadSeesOnlyIntactPublishedElementsWhileTheWriterAppends() {
        let total = 3 * Self.chunk + 777
        let log = ChunkedLog<Sample>()
        let report = ReaderReport()
        let done = DispatchSemaphore(value: 0)
        let reader = Thread {
            var seen = 0
            var polls = 0
            var problems: [String] = []
            while seen < total {
                let count = log.count
                polls += 1
                if count < seen { problems.append("count went back from \(seen) to \(count)") }
                for i in seen..<count where problems.count < 10 {
                    let sample = log[i]
                    if sample.index != i || !sample.isIntact { problems.append("element \(i) is \(sample.index)") }
                }
                if polls % 64 == 0 {
                    // The bulk path reads published elements too.
                    log.withRuns(in: 0..<count) { run, start in
                        for (offset, sample) in run.enumerated() where sample.index != start + offset {
                            problems.append("run element \(start + offset) is \(sample.index)")
                        }
                    }
                }
                seen = max(seen, count)
                if problems.count >= 10 { break }
            }
            report.state.withLock {
                $0.checked = seen
                $0.polls = polls
                $0.problems = problems
            }
            done.signal()
        }
        reader.start()
        for i in 0..<total {
            log.append(Sample(i))
        }
        done.wait()
        let state = report.state.withLock { $0 }
        #expect(state.problems == [])
        #expect(state.checked == total)
        #expect(state.polls > 1)
        #expect(log.snapshot().enumerated().allSatisfy { $0.offset == $0.element.index && $0.element.isIntact })
    }
}
