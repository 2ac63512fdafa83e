import Foundation
import Interleave  // not @testable: only what a user's own tests can reach
import InterleaveTrace
import Testing

/// `explore` used the way the README shows it, from a user's test.
@Suite struct ExploreAPITests {
    /// A user's type: a ticket counter that sells across an await.
    final class Tickets: @unchecked Sendable {
        var left = 1
        func buy() async throws -> Bool {
            guard left > 0 else { return false }
            try await sleep(for: .milliseconds(5))  // charge the card
            left -= 1
            check(left >= 0, "sold a ticket that was not there: \(left) left")
            return true
        }
    }

    @Test func exploreFindsTheOversoldTicketAndSavesATraceToReplay() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tickets-\(UUID()).itrace").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = explore(schedules: 1_000, tracePath: path) {
            let tickets = Tickets()
            _ = try await gather(spawn("ann") { try await tickets.buy() }, spawn("ben") { try await tickets.buy() })
        }
        let failure = try #require(report.failure)
        #expect(failure.description == "sold a ticket that was not there: -1 left")
        #expect(report.tracePath == path)
        let loaded = try TraceDecoder.decodeFile(atPath: path)
        #expect(loaded.store.header.schedule == "replay")
        #expect(loaded.store.events.snapshot().contains { $0.kind == .checkFailed })
    }

    @Test func aCorrectProgramPassesAndWritesNothing() {
        let report = explore(schedules: 300) {
            let lock = Lock("tickets")
            let tickets = Tickets()
            _ = try await gather(
                spawn("ann") { try await lock.withLock { try await tickets.buy() } },
                spawn("ben") { try await lock.withLock { try await tickets.buy() } })
        }
        #expect(report.failure == nil)
        #expect(report.tracePath == nil)
        #expect(report.schedulesRun == 300)
    }
}
