@testable import Interleave
import InterleaveTrace
import Testing

@Suite struct CheckTests {
    @Test func aFailedCheckIsRecordedAndFailsTheRunWithoutStoppingIt() throws {
        let loop = Loop()
        let reached = try loop.run("main") { () async throws -> Bool in
            check(1 + 1 == 3, "arithmetic broke")
            return true
        }
        #expect(reached, "the task goes on after a failed check")
        let failure = try #require(loop.failure)
        #expect(failure.description == "arithmetic broke")
        #expect(failure.signature.hasPrefix("check@CheckTests.swift:"))
        let event = try #require(loop.store.events.snapshot().first { $0.kind == .checkFailed })
        #expect(EventText.describe(event, in: loop.store) == "CHECK FAILED in main: arithmetic broke")
        #expect(Transcript.fold(loop.store).failedChecks == 1)
    }

    @Test func aCheckThatHoldsRecordsNothing() throws {
        let loop = Loop()
        try loop.run("main") { check(true, "fine") }
        #expect(loop.failure == nil)
        #expect(!loop.store.events.snapshot().contains { $0.kind == .checkFailed })
    }

    @Test func anInvariantIsCheckedAfterEveryJob() throws {
        final class Counter: @unchecked Sendable { var value = 0 }
        let counter = Counter()
        let loop = Loop()
        try loop.run("main") {
            invariant("counter stays below 3") { counter.value < 3 }
            for _ in 0..<5 {
                counter.value += 1
                try await yield()
            }
        }
        let failure = try #require(loop.failure)
        #expect(failure.description == "counter stays below 3")
        #expect(failure.signature.hasPrefix("check@CheckTests.swift:"))
        // Broken in main's third job: the first registered it and counted to 1.
        #expect(loop.failureStep == 3)
        #expect(loop.store.events.snapshot().filter { $0.kind == .checkFailed }.count == 1)
    }

    struct Orphaned: Error {}

    @Test func aSecondRunOnTheSameLoopChecksOnlyItsOwnInvariants() throws {
        final class Flag: @unchecked Sendable { var broken = false }
        let flag = Flag()
        let loop = Loop()
        try loop.run("main") { invariant("first run's rule") { !flag.broken } }
        flag.broken = true
        try loop.run("main") { try await yield() }
        #expect(loop.failure == nil, "the first run's invariant is gone with it")
    }

    @Test func lintsFailOnlyWhenPromoted() throws {
        for promoted in [false, true] {
            let loop = Loop()
            loop.lintsFail = promoted
            try loop.run("main") {
                // A task that fails and that nobody awaits is linted.
                spawn("orphan") { () async throws -> Void in throw Orphaned() }
                try await sleep(for: .seconds(1))
            }
            #expect((loop.failure != nil) == promoted, "promoted: \(promoted)")
        }
    }

    @Test func aLoopReusedForASecondRunForgetsTheFirstRunsFailures() throws {
        let loop = Loop()
        try loop.run("main") { check(false, "first run") }
        #expect(loop.failure != nil)
        try loop.run("main") { check(true, "second run") }
        #expect(loop.failure == nil)
    }
}
