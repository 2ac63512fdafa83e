import Interleave

extension Challenges {
    static let crossedTransfers = Challenge(
        demo: Demo(
            name: "crossed-transfers",
            title: "Challenge: two transfers, two locks",
            summary: "Alice pays Bob while Bob pays Alice: each locks the payer's account, then the payee's",
            concept: "Two tasks taking the same two locks in opposite orders can wait for each other forever."
        ) { _ in
            let accounts = ["alice": Lock("alice's account"), "bob": Lock("bob's account")]
            caption("Alice pays Bob and Bob pays Alice: lock your own account, read it, then lock the other's")
            _ = try await Interleave.gather(
                spawn("alice") { try await pay(from: "alice", to: "bob", accounts) },
                spawn("bob") {
                    try await sleep(for: .milliseconds(100))  // Bob types the amount first
                    try await pay(from: "bob", to: "alice", accounts)
                }
            )
            print("Both payments went through")
        },
        goal: "Deadlock the two transfers",
        difficulty: .medium,
        hints: [
            "A deadlock needs each task to hold one lock while it waits for the other's.",
            "Alice holds her account's lock while she reads it. What if Bob locks his before she reaches for it?",
            "At 0.1 s, let Bob lock his account before Alice reaches for it.",
        ],
        lesson: "Taking two locks in opposite orders deadlocks only when each task gets its first lock "
            + "before the other gets its second, so tests usually pass. Take locks in one global order "
            + "(for example by account number), whoever pays whom."
    )
}

private func pay(from payer: String, to payee: String, _ accounts: [String: Lock]) async throws {
    guard let mine = accounts[payer], let theirs = accounts[payee] else { return }
    try await mine.withLock {
        print("\(payer) locks \(payer)'s account and reads it")
        try await sleep(for: .milliseconds(100))  // read the balance
        if theirs.isLocked { caption("Each holds their own account's lock and waits for the other's: a deadlock") }
        try await theirs.withLock {
            print("\(payer) locks \(payee)'s account and moves the money")
        }
    }
}
