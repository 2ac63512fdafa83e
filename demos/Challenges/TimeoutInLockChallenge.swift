import Interleave

extension Challenges {
    static let timeoutInLock = Challenge(
        demo: Demo(
            name: "timeout-in-lock",
            title: "Challenge: a timeout inside a lock",
            summary: "A transfer under a 0.15 s timeout takes from savings, saves, then pays into checking",
            concept: "Cancellation can strike at any await, even one inside a lock."
        ) { _ in
            let accounts = Shared((savings: 100, checking: 0))
            let lock = Lock("accounts")
            caption("saver moves 50 from savings to checking under the lock, giving up after 0.15 s")
            _ = try await Interleave.gather(
                spawn("saver") {
                    do {
                        try await withTimeout(.milliseconds(150), name: "transfer") {
                            try await transfer(accounts, under: lock)
                        }
                    } catch is TimeoutError {
                        print("saver gave up: the transfer timed out")
                    }
                },
                spawn("auditor") {
                    try await yield()  // the auditor finishes the last report first
                    try await lock.withLock {
                        print("auditor counts \(accounts.value.savings + accounts.value.checking) in all")
                        try await sleep(for: .milliseconds(100))  // write the audit down
                    }
                }
            )
            let total = accounts.value.savings + accounts.value.checking
            print("In all at the end: \(total)")
            if total != 100 { caption("The timeout struck between taking and paying in: the lock came free, the money did not come back") }
            check(total == 100, "\(100 - total) vanished: the transfer was cut off halfway")
        },
        goal: "Let the timeout cancel the transfer while it holds the lock",
        difficulty: .medium,
        hints: [
            "The transfer takes 0.1 s once it has the lock, and its timeout is 0.15 s.",
            "If the transfer has to wait for the lock, its 0.15 s run out while it holds it.",
            "Let the auditor take the lock first: when the transfer and the auditor are both ready, pick the auditor.",
        ],
        lesson: "A timeout cancels at whatever `await` the task is in, even inside `async with lock`: "
            + "the lock is released, but the half-done update stays half done. Restore what you "
            + "changed in `except asyncio.CancelledError` (or `finally`), or make no await between the two halves."
    )
}

private func transfer(_ accounts: Shared<(savings: Int, checking: Int)>, under lock: Lock) async throws {
    try await lock.withLock {
        accounts.value.savings -= 50
        print("transfer takes 50 from savings")
        do {
            try await sleep(for: .milliseconds(100))  // save the first half
        } catch {
            print("transfer cancelled after taking 50 from savings")
            throw error
        }
        accounts.value.checking += 50
        print("transfer pays 50 into checking")
    }
}
