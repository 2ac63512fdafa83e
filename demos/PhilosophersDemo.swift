import Interleave

extension Catalogue {
    static let philosophers = Demo(
        name: "philosophers",
        title: "Dining philosophers",
        summary: "Five philosophers each take the left fork, then the right: all hold one and wait forever",
        concept: "When every task holds one resource and waits for its neighbour's, the waits form a "
            + "cycle: a deadlock. Breaking the symmetry (one philosopher takes the right fork first) prevents it."
    ) { _ in
        let forks = (0..<5).map { Lock("fork \($0)") }
        caption("Five philosophers sit at a round table with one fork between each pair")
        _ = try await Interleave.gather((0..<5).map { n in
            spawn("philosopher\(n)") { try await dine(n, left: forks[n], right: forks[(n + 1) % 5]) }
        })
        print("Never printed: everyone is stuck")
    }
}

private func dine(_ n: Int, left: Lock, right: Lock) async throws {
    try await sleep(for: .milliseconds(100))  // think
    try await left.withLock {
        print("Philosopher \(n) picks up the left fork")
        try await sleep(for: .milliseconds(100))
        print("Philosopher \(n) reaches for the right fork")
        if n == 4 {
            caption("Every philosopher holds a left fork, and each right fork is a neighbour's left")
        }
        try await right.withLock {
            print("Philosopher \(n) eats")
            try await sleep(for: .milliseconds(200))
        }
    }
}
