import Interleave

extension Challenges {
    static let fiveLeftForks = Challenge(
        demo: Demo(
            name: "five-left-forks",
            title: "Challenge: dining philosophers",
            summary: "Five philosophers sit down 0.1 s apart; each takes the left fork, reaches, takes the right, eats",
            concept: "When every task holds one resource and waits for its neighbour's, none can go on."
        ) { _ in
            let forks = (0..<5).map { Lock("fork \($0)") }
            let leftOnly = Shared(0)
            invariant("all five hold a left fork and wait for a right one") {
                leftOnly.value < 5
            }
            caption("Five philosophers sit down one after another, 0.1 s apart, with a fork between each pair")
            var diners: [LoopTask<Void>] = []
            for n in 0..<5 {
                if n > 0 { try await sleep(for: .milliseconds(100)) }  // the next one sits down
                diners.append(spawn("philosopher\(n)") {
                    try await forks[n].withLock {
                        leftOnly.value += 1
                        print("philosopher\(n) takes the left fork")
                        try await sleep(for: .milliseconds(100))  // reach for the right one
                        if leftOnly.value == 5 { caption("Every philosopher holds a left fork: each right fork is a neighbour's left") }
                        try await forks[(n + 1) % 5].withLock {
                            leftOnly.value -= 1
                            print("philosopher\(n) eats")
                        }
                    }
                })
            }
            _ = try await Interleave.gather(diners)
            print("Everyone ate")
        },
        goal: "Make all five philosophers hold their left fork",
        difficulty: .hard,
        hints: [
            "A philosopher who gets both forks eats and frees them; you want nobody to get a second fork.",
            "Each time a philosopher reaches for the right fork, the next one may sit down and take it first.",
            "Every 0.1 s, let main seat the next philosopher first, and let the newcomer take a fork before its neighbour reaches for it.",
        ],
        lesson: "Dining philosophers: five tasks each hold one lock and wait for the next, a cycle. "
            + "It needs every one of them to be unlucky, so it is rare and hard to reproduce. Break "
            + "the symmetry: one philosopher takes the right fork first (a global lock order)."
    )
}
