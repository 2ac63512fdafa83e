import Testing
@testable import Interleave

/// The loop's lints: the mistakes asyncio's debug mode and its warnings point out.
@Suite struct LintTests {
    private func lints(_ loop: Loop) -> [String] {
        loop.store.events.snapshot().filter { $0.kind == .lint }.map { loop.store.string(StringID(rawValue: UInt32($0.arg))) }
    }

    @Test func mainEndingWithTasksPendingIsReported() throws {
        let loop = Loop()
        try loop.run("main") {
            _ = spawn("forgotten") { try await sleep(for: .seconds(1)) }
        }
        #expect(lints(loop) == ["main ended while 1 task(s) were still pending: forgotten"])
    }

    @Test func aFailureNobodyAwaitedIsReported() throws {
        let loop = Loop()
        try loop.run("main") {
            spawn("doomed") { throw InjectedFault("boom") }
            try await sleep(for: .seconds(1))
        }
        #expect(lints(loop) == ["doomed failed with \"boom\" and nobody awaited it"])
    }

    @Test func aLongBlockingCallIsReported() throws {
        let loop = Loop()
        try loop.run("main") { blockingCall(for: .milliseconds(250)) }
        #expect(lints(loop).count == 1)
        #expect(lints(loop).first?.hasPrefix("loop blocked 0.250s by main") == true)
        #expect(loop.now == .milliseconds(250))
    }

    @Test func aShortBlockingCallIsNot() throws {
        let loop = Loop()
        try loop.run("main") { blockingCall(for: .milliseconds(50)) }
        #expect(lints(loop).isEmpty)
    }
}
