@testable import Interleave
import Synchronization

/// Small programs with a known concurrency bug, for the explorer's tests.
enum ExplorePrograms {
    /// Loop-confined state shared by a program's tasks (one loop thread touches it).
    final class Account: @unchecked Sendable {
        var balance: Int
        init(balance: Int) { self.balance = balance }
    }

    /// Check-then-act across an await. FIFO passes: the second withdrawal looks the account
    /// up first (one more await), so it checks after the first has taken its money. Running
    /// it first (one preemption) lets both pass the check: the balance goes below zero.
    static func bank() async throws {
        let account = Account(balance: 100)
        @Sendable func withdraw(_ amount: Int) async throws {
            guard account.balance >= amount else { return }
            try await yield()  // ask the ledger: the balance may change meanwhile
            account.balance -= amount
            check(account.balance >= 0, "overdraft: balance \(account.balance)")
        }
        _ = try await gather(
            spawn("alice") { try await withdraw(80) },
            spawn("bob") {
                try await yield()  // look the account up
                try await withdraw(80)
            })
    }

    /// Two tasks that each append their name `steps` times, yielding in between, to `log`.
    static func twoWriters(steps: Int, log: Log) -> @Sendable () async throws -> Void {
        {
            @Sendable func write(_ name: String) async throws {
                for _ in 0..<steps {
                    log.append(name)
                    try await yield()
                }
            }
            _ = try await gather(spawn("a") { try await write("a") }, spawn("b") { try await write("b") })
        }
    }

    /// What the writers wrote, run after run (read once the loop is done).
    final class Log: Sendable {
        private let entries = Mutex<[String]>([])
        private let runs = Mutex<[[String]]>([])
        func append(_ name: String) { entries.withLock { $0.append(name) } }
        /// Ends the current run's log and keeps it.
        func endRun() {
            let run = entries.withLock { entries in defer { entries = [] }; return entries }
            runs.withLock { $0.append(run) }
        }
        var allRuns: [[String]] { runs.withLock { $0 } }
    }
}
