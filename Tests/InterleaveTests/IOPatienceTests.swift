import Foundation
import Testing
@testable import Interleave

/// `runUntilIdle` waits for real I/O, but not forever: an operation nobody completes is
/// reported once the patience runs out, and the call returns.
@Suite struct IOPatienceTests {
    @Test func anIOThatNeverCompletesIsReportedAndTheRunReturns() throws {
        let loop = Loop()
        defer { loop.close() }
        let task = loop.spawn("caller") {
            // The far side takes the request and never answers.
            try await awaitIO("GET /never") { (_: IOCompletion<Int>) in }
        }
        loop.runUntilIdle(ioPatience: .milliseconds(50))
        #expect(!task.isFinished)
        #expect(Transcript.lints(loop.store) == [
            "gave up after 0.050s of wall time waiting for I/O that never completed (1 operation(s) pending)",
        ])
        #expect(!Transcript.fold(loop.store).ended, "the run did not end: its I/O is still out")
    }

    @Test func anIOThatCompletesInTimeIsWaitedFor() throws {
        let loop = Loop()
        defer { loop.close() }
        let task = loop.spawn("caller") {
            try await awaitIO("GET /soon") { (completion: IOCompletion<Int>) in
                Thread.detachNewThread { completion.resume(with: .success(42)) }
            }
        }
        loop.runUntilIdle(ioPatience: .seconds(30))
        #expect(try task.result?.get() == 42)
        #expect(Transcript.lints(loop.store).isEmpty)
    }
}
