import Interleave

extension Catalogue {
    static let swarm = Demo(
        name: "swarm",
        title: "A swarm of tasks",
        summary: "Many tasks (1000 by default) nap at random and contend for 16 permits",
        concept: "Tasks are cheap: a loop juggles thousands of them, and a semaphore keeps the "
            + "shared resource's load bounded however many there are.",
        paced: false
    ) { options in
        var random = SeededGenerator(seed: options.seed)
        let pool = Semaphore("pool", permits: 16)
        caption("\(options.tasks) tasks start; each naps 3 times and uses the pool after each nap")
        let workers = (0..<options.tasks).map { n in
            // Random naps are drawn here from the seed, so the same seed replays the same run.
            let naps = (0..<3).map { _ in Duration.milliseconds(Int.random(in: 10...500, using: &random)) }
            return spawn("worker\(n)") { try await work(naps: naps, pool: pool) }
        }
        _ = try await Interleave.gather(workers)
        print("\(options.tasks) tasks done")
        caption("Every task is done; the pool never had more than 16 users")
    }
}

private func work(naps: [Duration], pool: Semaphore) async throws {
    for nap in naps {
        try await sleep(for: nap)
        try await pool.withPermit {
            try await sleep(for: .milliseconds(5))  // a short use of the shared resource
        }
    }
}
