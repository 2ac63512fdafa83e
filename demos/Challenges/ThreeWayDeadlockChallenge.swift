import Interleave

extension Challenges {
    static let threeWayDeadlock = Challenge(
        demo: Demo(
            name: "three-way-deadlock",
            title: "Challenge: three payments in a circle",
            summary: "Alice pays Bob, Bob pays Carol, Carol pays Alice: lock your account, read it, lock the payee's",
            concept: "A cycle of lock waits of any length is a deadlock."
        ) { _ in
            let names = ["alice", "bob", "carol"]
            let accounts = names.map { Lock("\($0)'s account") }
            caption("Alice pays Bob, Bob pays Carol, Carol pays Alice. They queue 0.1 s apart")
            _ = try await Interleave.gather((0..<3).map { index in
                spawn(names[index]) {
                    // Each payer ahead in the line takes 0.1 s (one sleep each, as the line moves).
                    for _ in 0..<index { try await sleep(for: .milliseconds(100)) }
                    let payee = (index + 1) % 3
                    try await accounts[index].withLock {
                        print("\(names[index]) locks \(names[index])'s account and reads it")
                        try await sleep(for: .milliseconds(100))  // read the balance
                        if accounts.allSatisfy(\.isLocked) { caption("Each holds their own account and waits for the next one's: a cycle of three") }
                        try await accounts[payee].withLock {
                            print("\(names[index]) locks \(names[payee])'s account and pays")
                        }
                    }
                }
            })
            print("All three payments went through")
        },
        goal: "Deadlock all three payments",
        difficulty: .hard,
        hints: [
            "For a deadlock, each payer must hold their own account while waiting for the next one's.",
            "Whenever a payer is about to lock the next account, someone arriving can lock it first.",
            "At 0.1 s let Bob lock his account before Alice reaches for it; at 0.2 s, Carol before Bob.",
        ],
        lesson: "Deadlocks are not only between two: any cycle of tasks each holding a lock the next "
            + "one wants never moves. One global lock order (always lock the lower account first) "
            + "makes a cycle impossible, however many take part."
    )
}
