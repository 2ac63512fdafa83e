import Interleave

extension Catalogue {
    static let timeout = Demo(
        name: "timeout",
        title: "Timeouts cancel, and cancellation releases",
        summary: "A 3 s query under a 1 s timeout is cancelled while holding a lock, and the lock comes free",
        concept: "A timeout cancels work that takes too long; the cancellation is an error thrown at "
            + "the await, so withLock (like async with) releases what the task held."
    ) { _ in
        let lock = Lock("database")
        do {
            try await withTimeout(.seconds(1), name: "slow_query") { try await slowQuery(lock) }
        } catch let error as TimeoutError {
            print("\(error)")
            print("Lock still held: \(lock.isLocked)")
            caption("The timeout cancelled slow_query, and its withLock released the lock on the way out")
        }
        let report = spawn("report") { try await makeReport(lock) }
        try await report.value
    }
}

private func slowQuery(_ lock: Lock) async throws {
    try await lock.withLock {
        print("Query started, holding the lock")
        caption("slow_query holds the lock and needs 3 s, but the timeout is 1 s")
        do {
            try await sleep(for: .seconds(3))
        } catch is CancellationError {
            print("Query cancelled")
            throw CancellationError()
        }
        print("Query finished")
    }
}

private func makeReport(_ lock: Lock) async throws {
    try await lock.withLock {
        print("Report got the lock at once")
        caption("report took the lock without waiting: nothing was left holding it")
    }
}
