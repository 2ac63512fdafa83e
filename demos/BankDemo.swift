import Interleave

extension Catalogue {
    static let bank = Demo(
        name: "bank",
        title: "Check, then act, across an await",
        summary: "Two withdrawals check the balance, await the ledger, then take the money: one order overdraws",
        concept: "A check is only true until the next await: another task can run in between and act "
            + "on the same stale check. This run passes; `interleave explore bank` finds the order that "
            + "overdraws. Holding a lock from the check to the act fixes it."
    ) { _ in
        let account = Account(balance: 100)
        caption("Alice and Bob each withdraw 80 from an account holding 100")
        _ = try await Interleave.gather(
            spawn("alice") { try await withdraw(80, by: "Alice", from: account) },
            spawn("bob") {
                try await sleep(for: .milliseconds(100))  // Bob looks the account up first
                try await withdraw(80, by: "Bob", from: account)
            }
        )
        print("Balance at the end: \(account.balance)")
        if account.balance < 0 {
            caption("Both checked the balance before either took the money: the await split the check from the act")
        } else {
            caption("In this order Bob checked after Alice took her money. `interleave explore bank` finds one that overdraws")
        }
    }
}

/// A bank account shared by the tasks.
///
/// `@unchecked Sendable`: every task runs on the loop's single thread, so the memory is safe;
/// the logic is not, which is the point of the demo.
private final class Account: @unchecked Sendable {
    var balance: Int
    init(balance: Int) { self.balance = balance }
}

private func withdraw(_ amount: Int, by name: String, from account: Account) async throws {
    guard account.balance >= amount else {
        print("\(name) sees \(account.balance): not enough, no withdrawal")
        return
    }
    print("\(name) sees \(account.balance): enough for \(amount)")
    try await sleep(for: .milliseconds(100))  // record it in the ledger: any await lets others run
    account.balance -= amount
    print("\(name) takes \(amount): \(account.balance) left")
    check(account.balance >= 0, "overdraft: balance \(account.balance)")
}
