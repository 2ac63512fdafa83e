import Interleave

extension Catalogue {
    static let actors = Demo(
        name: "actor",
        title: "Actors serialise access, but reenter at every await",
        summary: "A bank account actor: deposits never collide, yet two withdrawals overdraw it across an await",
        concept: "An actor runs one method at a time, but only between awaits: while a method is "
            + "suspended another may run, so a check made before an await can be stale after it."
    ) { _ in
        // Every call is its own task, named for who calls what, and each round is a named scope,
        // so that lanes and resources say which call and which round they are. (The actor itself
        // is no traced resource: on the loop's executor it is busy only inside a job, never
        // between steps, so a "held by" line would always read "free".)
        let account = BankAccount(balance: 0, on: Loop.current!)
        caption("alice and bob deposit 50 each at once: the account actor runs one deposit, then the other")
        try await withTaskScope("deposits") { scope in
            scope.spawn("alice_deposit") { await account.deposit(50) }
            scope.spawn("bob_deposit") { await account.deposit(50) }
        }
        caption("The actor ran the deposits one at a time: nothing lost, balance 100")

        caption("Each withdrawal checks the balance, then awaits a 0.5 s fraud check: the actor is free meanwhile")
        try await withTaskScope("withdrawals") { scope in
            scope.spawn("alice_withdraw") { try await account.withdraw(80) }
            scope.spawn("bob_withdraw") { try await account.withdraw(80) }
        }
        print("Balance after two withdrawals: \(await account.balance)")
        caption("Overdrawn: both checked the balance before either paid out, across the await")

        let fixed = BankAccount(balance: 100, on: Loop.current!)
        caption("Again on a fresh account of 100, but each withdrawal checks the balance again after the await")
        try await withTaskScope("rechecks") { scope in
            scope.spawn("alice_recheck") { try await fixed.withdrawRechecking(80) }
            scope.spawn("bob_recheck") { try await fixed.withdrawRechecking(80) }
        }
        print("Balance with the re-check: \(await fixed.balance)")
        caption("The fix: check again after the await, right before changing the state")
    }
}

/// A bank account: one method runs at a time, and each runs to its next await undisturbed.
private actor BankAccount {
    private(set) var balance: Int
    let loop: Loop

    init(balance: Int, on loop: Loop) {
        self.balance = balance
        self.loop = loop
    }

    /// The actor runs on the loop's executor, so each step shows under the task that called it.
    nonisolated var unownedExecutor: UnownedSerialExecutor { loop.actorExecutor.asUnownedSerialExecutor() }

    func deposit(_ amount: Int) {
        balance += amount
        print("Deposited \(amount), balance \(balance)")
    }

    /// Checks, then awaits, then acts on the check: another call can run in between.
    func withdraw(_ amount: Int) async throws {
        guard balance >= amount else { return print("Declined \(amount)") }
        print("Approved \(amount) of \(balance)")
        try await sleep(for: .milliseconds(500))  // a fraud check; the actor is free meanwhile
        balance -= amount
        print("Paid out \(amount), balance \(balance)")
    }

    /// The same, with the balance checked again once the await is over.
    func withdrawRechecking(_ amount: Int) async throws {
        guard balance >= amount else { return print("Declined \(amount)") }
        try await sleep(for: .milliseconds(500))  // a fraud check; the actor is free meanwhile
        guard balance >= amount else { return print("Declined \(amount) after the check: balance \(balance)") }
        balance -= amount
        print("Paid out \(amount), balance \(balance)")
    }
}
