import Interleave

extension Catalogue {
    static let philosophersRandom = Demo(
        name: "philosophers-random",
        title: "Dining philosophers who think for a while",
        summary: "Philosophers think for a random while, then take left and right forks: this run eats; some orders deadlock",
        concept: "When the philosophers think for different lengths they rarely all reach for their "
            + "left fork at once, so most runs pass and the deadlock hides. `interleave explore "
            + "philosophers-random` finds the order where every one holds a left fork."
    ) { options in
        var random = SeededGenerator(seed: options.seed)
        let count = 3
        let forks = (0..<count).map { Lock("fork \($0)") }
        // Drawn before any task starts, so the run depends on the seed and the schedule only.
        let thinking = (0..<count).map { _ in (0..<2).map { _ in Int(random.next() % 3) } }
        caption("\(count) philosophers think for 0, 0.1 or 0.2 s, then take the left fork, then the right")
        _ = try await Interleave.gather((0..<count).map { n in
            spawn("philosopher\(n)") {
                for meal in 0..<2 {
                    try await sleep(for: .milliseconds(100 * thinking[n][meal]))  // think
                    try await dine(n, left: forks[n], right: forks[(n + 1) % count], everyone: forks)
                }
            }
        })
        caption("Everyone ate: their thinking kept them apart. `interleave explore philosophers-random` finds the deadlock")
    }
}

private func dine(_ n: Int, left: Lock, right: Lock, everyone forks: [Lock]) async throws {
    try await left.withLock {
        print("Philosopher \(n) takes the left fork")
        try await sleep(for: .milliseconds(100))  // reach for the other
        if forks.allSatisfy(\.isLocked) {
            caption("Every fork is held, each as someone's left: all wait for a right fork, forever")
        }
        try await right.withLock {
            print("Philosopher \(n) eats")
            try await sleep(for: .milliseconds(100))
        }
    }
}
