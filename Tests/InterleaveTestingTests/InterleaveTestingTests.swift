import Foundation
import Interleave
import InterleaveTesting
import InterleaveTrace
import Testing

// MARK: A bank in plain Swift concurrency

/// Thrown when the invariant `balance >= 0` breaks.
struct Overdrawn: Error, CustomStringConvertible {
    let balance: Int
    var description: String { "overdrawn: the balance is \(balance)" }
}

/// An actor with reentrancy across `Task.sleep`: the balance is checked before the fraud check
/// and debited after it, while other calls may get in.
actor Bank {
    private(set) var balance: Int

    init(balance: Int) { self.balance = balance }

    func withdraw(_ amount: Int) async throws {
        guard balance >= amount else { return }  // declined
        try await Task.sleep(for: .milliseconds(100))  // the fraud check: the actor is free meanwhile
        balance -= amount
        if balance < 0 { throw Overdrawn(balance: balance) }
    }
}

/// Alice and Bob each withdraw 70 from 100. Alice checks at 0 ms and debits at 100 ms; Bob
/// comes in at 100 ms. In FIFO order Alice's debit (her sleep was set first) runs before Bob's
/// check, who is declined; only a schedule that runs Bob's check first, at the same instant,
/// lets both through and overdraws the account.
@Sendable func twoWithdrawals() async throws {
    let bank = Bank(balance: 100)
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask(name: "alice") { try await bank.withdraw(70) }
        group.addTask(name: "bob") {
            try await Task.sleep(for: .milliseconds(50))
            try await Task.sleep(for: .milliseconds(50))
            try await bank.withdraw(70)
        }
        try await group.waitForAll()
    }
}

// MARK: Tests

@Suite struct WithInterleaveTests {
    @Test func aTwoSecondSleepAndADetachedTaskTakeExactlyTwoSecondsVirtual() async throws {
        let run = try await withInterleaveRun {
            let detached = Task.detached { () -> Bool in
                try? await Task.sleep(for: .seconds(1))
                return Loop.current != nil
            }
            try await Task.sleep(for: .seconds(2))
            return await detached.value
        }
        #expect(run.virtualTime == .seconds(2))
        #expect(run.value, "the detached task ran on the loop")
        #expect(run.failure == nil)
    }

    @Test func withInterleaveReturnsTheBodysValueAndRethrowsItsError() async throws {
        let value = try await withInterleave { () -> Int in
            try await Task.sleep(for: .seconds(5))
            return 42
        }
        #expect(value == 42)
        await #expect(throws: Overdrawn.self) {
            try await withInterleave { throw Overdrawn(balance: -1) }
        }
    }

    @Test func concurrentRunsWaitForEachOther() async throws {
        let times = try await withThrowingTaskGroup(of: Duration.self) { group in
            for seconds in 1...4 {
                group.addTask {
                    try await withInterleaveRun { try await Task.sleep(for: .seconds(seconds)) }.virtualTime
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(times) == [.seconds(1), .seconds(2), .seconds(3), .seconds(4)])
    }

    @Test func theBankDoesNotOverdrawInFIFOOrder() async throws {
        let run = try await withInterleaveRun { try await twoWithdrawals() }
        // Bob is declined at 100 ms, so he never waits for a fraud check.
        #expect(run.virtualTime == .milliseconds(100))
    }
}

@Suite struct InterleavedTraitTests {
    @Test(.interleaved()) func aTestBodyRunsOnTheLoopInVirtualTime() async throws {
        let started = Loop.current?.now
        try await Task.sleep(for: .seconds(3600))
        #expect(started != nil)
        #expect(Loop.current?.now == .seconds(3600))
    }

    @Test(.interleaved()) func theBankPassesInFIFOOrder() async throws {
        try await twoWithdrawals()
    }

    /// The acceptance test: a test written with the trait finds the bank's overdraft under
    /// explore (the issue it records is the expected one; the test fails if explore stops finding it).
    @Test(.interleaved(.explore(schedules: 1_000), knownIssue: "two withdrawals overdraw the account"))
    func exploreFindsTheBanksOverdraft() async throws {
        try await twoWithdrawals()
    }

}

@Suite struct ExploreInterleavedTests {
    @Test func exploreFindsTheOverdraftSavesItsTraceAndTheScheduleReplays() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bank-\(UUID()).itrace").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = try await exploreInterleaved(schedules: 1_000, tracePath: path) { try await twoWithdrawals() }
        let failure = try #require(report.failure)
        #expect(failure == .mainFailed(error: "overdrawn: the balance is -40"))
        #expect((report.foundAt ?? 0) > 1, "FIFO, the first schedule, does not overdraw")
        #expect(report.tracePath == path)
        #expect(report.summary(program: "bank", strategy: .default).contains("interleave replay \(path)"))

        let loaded = try TraceDecoder.decodeFile(atPath: path)
        #expect(loaded.store.header.schedule == "replay")
        let schedule = try #require(report.schedule)
        #expect(loaded.store.header.choices == schedule.choices)
        await #expect(throws: Overdrawn.self) {
            try await withInterleave(.replay(schedule)) { try await twoWithdrawals() }
        }
    }

    @Test func aFailedExpectationFailsTheScheduleNotTheTest() async throws {
        let report = try await exploreInterleaved(schedules: 1_000) {
            let bank = Bank(balance: 100)
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await bank.withdraw(70) }
                group.addTask {
                    try? await Task.sleep(for: .milliseconds(100))
                    try? await bank.withdraw(70)
                }
            }
            let balance = await bank.balance
            #expect(balance >= 0)
        }
        let failure = try #require(report.failure)
        guard case .checkFailed(let message, let location) = failure else {
            Issue.record("expected the failed expectation as the failure, got \(failure)")
            return
        }
        #expect(message.hasPrefix("Expectation failed: (balance → -40) >= 0"))
        #expect(location.hasPrefix("InterleaveTestingTests.swift:"))
    }

    @Test func aCorrectProgramPasses() async throws {
        let report = try await exploreInterleaved(schedules: 200) {
            let bank = Bank(balance: 200)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await bank.withdraw(70) }
                group.addTask { try await bank.withdraw(70) }
                try await group.waitForAll()
            }
        }
        #expect(report.failure == nil)
        #expect(report.tracePath == nil)
    }
}
