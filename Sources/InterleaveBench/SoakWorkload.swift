import Interleave

/// The soak test's workload: waves of workers hammering locks, semaphores, queues and an event
/// under a random schedule, while a chaos task injects failures and cancellations into them.
///
/// Workers check the primitives' promises as they go (one holder per lock, permits never
/// exceeded, every queue item got exactly once) and count what they see in `SoakTally`.
struct SoakWorkload: Sendable {
    let tasks: Int
    let roundsPerWorker: Int
    let seed: UInt64
    let tally: SoakTally
    /// Called between waves on the loop thread, so the checker can fold and trim the trace.
    let betweenWaves: @Sendable () -> Void

    static let waveSize = 1_000
    static let locks = 8, semaphores = 4, permits = 3, queues = 4, queueCapacity = 16

    func run() async throws {
        let locks = (0..<Self.locks).map { Lock("lock\($0)") }
        let semaphores = (0..<Self.semaphores).map { Semaphore("sem\($0)", permits: Self.permits, bounded: true) }
        let queues = (0..<Self.queues).map { Queue<Int>("queue\($0)", capacity: Self.queueCapacity) }
        let shared = SoakShared(locks: locks, semaphores: semaphores, queues: queues, tally: tally)
        var random = SeededGenerator(seed: seed)
        var spawned = 0
        var wave = 0
        while spawned < tasks {
            let size = min(Self.waveSize, tasks - spawned)
            try await runWave(wave, size: size, shared: shared, random: &random)
            spawned += size
            wave += 1
            tally.waves = wave
            betweenWaves()
        }
    }

    /// One wave: `size` workers and a chaos task; ends with every worker finished, one way or another.
    private func runWave(_ wave: Int, size: Int, shared: SoakShared, random: inout SeededGenerator) async throws {
        let ready = Event("wave\(wave)")
        var workers: [LoopTask<Void>] = []
        workers.reserveCapacity(size)
        for index in 0..<size {
            let role = Int(random.next() % 4)
            let pick = Int(random.next() >> 8)
            let itemBase = (wave * Self.waveSize + index) * roundsPerWorker
            workers.append(spawn("w\(index)") { [roundsPerWorker] in
                try await ready.wait()
                try await SoakWorker(shared: shared, pick: pick, rounds: roundsPerWorker, itemBase: itemBase)
                    .perform(role: role)
            })
        }
        let chaosSeed = random.next()
        let ids = workers.map(\.id)
        let chaos = spawn("chaos\(wave)") {
            var dice = SeededGenerator(seed: chaosSeed)
            for _ in 0..<max(1, ids.count / 20) {
                try await sleep(for: .milliseconds(Int(dice.next() % 5)))
                let victim = ids[Int(dice.next() % UInt64(ids.count))]
                Loop.current?.inject(dice.next() % 2 == 0 ? .fail : .cancel, into: victim)
            }
        }
        try await yield()
        ready.set()
        let outcomes = try await gather(workers, returnExceptions: true)
        _ = try? await chaos.value
        for case .failure(let error) in outcomes {
            if error is CancellationError { tally.cancelled += 1 } else { tally.failed += 1 }
        }
        // Items still queued are not lost: take them so the ledger can close.
        for queue in shared.queues {
            while let item = try? queue.getNowait() { shared.tally.got(item) }
        }
        tally.checkLedgerClosed()
    }
}

/// The resources one wave's workers share.
struct SoakShared: @unchecked Sendable {
    let locks: [Lock]
    let semaphores: [Semaphore]
    let queues: [Queue<Int>]
    let tally: SoakTally
}
