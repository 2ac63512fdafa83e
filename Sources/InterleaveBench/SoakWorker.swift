import Interleave

/// One soak worker: a few rounds of one role, checking each primitive's promise as it goes.
struct SoakWorker {
    let shared: SoakShared
    let pick: Int
    let rounds: Int
    let itemBase: Int

    func perform(role: Int) async throws {
        switch role {
        case 0: try await holdLocks()
        case 1: try await usePermits()
        case 2: try await produce()
        default: try await consume()
        }
    }

    /// Takes a lock, yields inside it, and checks nobody else held it meanwhile.
    private func holdLocks() async throws {
        let index = pick % shared.locks.count
        let tally = shared.tally
        for _ in 0..<rounds {
            try await shared.locks[index].withLock {
                tally.enterLock(index)
                defer { tally.leaveLock(index) }
                try await yield()
            }
        }
    }

    /// Holds a semaphore permit across a short sleep and checks the permits in use stay bounded.
    private func usePermits() async throws {
        let index = pick % shared.semaphores.count
        let tally = shared.tally
        for round in 0..<rounds {
            try await shared.semaphores[index].withPermit {
                tally.takePermit(index)
                defer { tally.returnPermit(index) }
                try await sleep(for: .milliseconds(1 + (pick + round) % 3))
            }
        }
    }

    /// Puts numbered items with a timeout, so a producer whose consumers are gone still ends;
    /// an item enters the ledger the moment its put returns, inside the timed child.
    private func produce() async throws {
        let queue = shared.queues[pick % shared.queues.count]
        let tally = shared.tally
        for round in 0..<rounds {
            let item = itemBase + round
            tally.timedCalls += 1
            do {
                try await withTimeout(.milliseconds(20)) {
                    try await queue.put(item)
                    tally.put(item)
                }
            } catch is TimeoutError {
                return
            }
        }
    }

    /// Gets items with a timeout, so a consumer whose producers were cancelled still ends.
    ///
    /// The item is entered in the ledger inside the timed child, the moment `get` returns, so
    /// a timeout that lands afterwards cannot make a delivered item look lost.
    private func consume() async throws {
        let queue = shared.queues[pick % shared.queues.count]
        let tally = shared.tally
        for _ in 0..<rounds {
            tally.timedCalls += 1
            do {
                try await withTimeout(.milliseconds(20)) {
                    tally.got(try await queue.get())
                }
            } catch is TimeoutError {
                return
            }
        }
    }
}
