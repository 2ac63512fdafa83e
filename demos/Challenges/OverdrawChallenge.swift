import Interleave

extension Challenges {
    static let overdraw = Challenge(
        demo: Demo(
            name: "overdraw",
            title: "Challenge: two withdrawals, one balance",
            summary: "Alice and Bob each withdraw 80 from 100: check the balance, ask the ledger, take the money",
            concept: "A balance checked before an await may be stale after it."
        ) { _ in
            let balance = Shared(100)
            caption("The account holds 100. Alice and Bob each want 80: check, ask the ledger, then take")
            _ = try await Interleave.gather(
                spawn("alice") { try await withdraw(80, by: "Alice", from: balance) },
                spawn("bob") {
                    try await sleep(for: .milliseconds(100))  // Bob queues at the cash machine
                    try await withdraw(80, by: "Bob", from: balance)
                }
            )
            print("Balance at the end: \(balance.value)")
        },
        goal: "Overdraw the account",
        difficulty: .easy,
        hints: [
            "Each withdrawal checks the balance, then awaits the ledger, then takes the money.",
            "Two tasks are ready together at 0.1 s: Alice coming back from the ledger, and Bob arriving.",
            "Let Bob check the balance before Alice takes her 80.",
        ],
        lesson: "Check-then-act across an `await`: the check is only true until the next await, and "
            + "another task can pass the same check meanwhile. Hold an `asyncio.Lock` from the check "
            + "to the act, so no one else can check in between."
    )
}

private func withdraw(_ amount: Int, by name: String, from balance: Shared<Int>) async throws {
    guard balance.value >= amount else {
        print("\(name) sees \(balance.value): not enough, no withdrawal")
        return
    }
    print("\(name) sees \(balance.value): enough for \(amount)")
    try await sleep(for: .milliseconds(100))  // the ledger records the withdrawal
    balance.value -= amount
    print("\(name) takes \(amount): \(balance.value) left")
    if balance.value < 0 { caption("Both passed the check before either took the money: the account is overdrawn") }
    check(balance.value >= 0, "overdrawn: the balance is \(balance.value)")
}
