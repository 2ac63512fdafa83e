import Interleave

/// The five workloads of `bench/peers/asyncio_workloads.py`, with the same counts and
/// semantics, on the loop in virtual time.
enum PeerWorkloads {
    struct Workload {
        let name: String
        let ops: Int
        let run: @Sendable () async throws -> Void
    }

    static func all(scale: Double) -> [Workload] {
        let spawnCount = Int(100_000 * scale)
        let pingpongCount = Int(200_000 * scale)
        let lockTasks = 100, lockIterations = Int(2_000 * scale)
        let queueItems = Int(200_000 * scale)
        let eventWaiters = Int(50_000 * scale)
        return [
            Workload(name: "spawn_gather", ops: spawnCount) { try await spawnGather(spawnCount) },
            Workload(name: "pingpong", ops: pingpongCount) { try await pingpong(pingpongCount) },
            Workload(name: "lock", ops: lockTasks * lockIterations) { try await lock(tasks: lockTasks, iterations: lockIterations) },
            Workload(name: "queue", ops: queueItems / 4 * 4) { try await queue(items: queueItems) },
            Workload(name: "event", ops: eventWaiters) { try await event(waiters: eventWaiters) },
        ]
    }

    /// Spawn N tasks that each yield once, then gather them all.
    static func spawnGather(_ count: Int) async throws {
        var tasks: [LoopTask<Void>] = []
        tasks.reserveCapacity(count)
        for _ in 0..<count { tasks.append(spawn("t") { try await yield() }) }
        _ = try await gather(tasks)
    }

    /// Two tasks hand a value back and forth through two 1-slot queues.
    static func pingpong(_ count: Int) async throws {
        let a = Queue<Int>("a", capacity: 1), b = Queue<Int>("b", capacity: 1)
        let ping = spawn("ping") {
            for i in 0..<count {
                try await a.put(i)
                _ = try await b.get()
            }
        }
        let pong = spawn("pong") {
            for _ in 0..<count {
                _ = try await a.get()
                try await b.put(0)
            }
        }
        _ = try await gather(ping, pong)
    }

    /// Tasks take one shared lock repeatedly, yielding once inside the critical section.
    static func lock(tasks: Int, iterations: Int) async throws {
        let lock = Lock("lock")
        let counter = Counter()
        var workers: [LoopTask<Void>] = []
        for _ in 0..<tasks {
            workers.append(spawn("w") {
                for _ in 0..<iterations {
                    try await lock.withLock {
                        counter.value += 1
                        try await yield()
                    }
                }
            })
        }
        _ = try await gather(workers)
        precondition(counter.value == tasks * iterations, "lock workload lost updates")
    }

    /// Four producers and four consumers move items through a queue of capacity 64.
    static func queue(items: Int) async throws {
        let queue = Queue<Int>("q", capacity: 64)
        let perProducer = items / 4
        let got = Counter()
        var workers: [LoopTask<Void>] = []
        for _ in 0..<4 {
            workers.append(spawn("prod") { for i in 0..<perProducer { try await queue.put(i) } })
            workers.append(spawn("cons") {
                for _ in 0..<perProducer {
                    _ = try await queue.get()
                    got.value += 1
                }
            })
        }
        _ = try await gather(workers)
        precondition(got.value == perProducer * 4, "queue workload lost items")
    }

    /// N tasks wait on one event; it is set once; all wake.
    static func event(waiters: Int) async throws {
        let event = Event("ev")
        let woke = Counter()
        var tasks: [LoopTask<Void>] = []
        tasks.reserveCapacity(waiters)
        for _ in 0..<waiters {
            tasks.append(spawn("waiter") {
                try await event.wait()
                woke.value += 1
            })
        }
        try await yield()
        event.set()
        _ = try await gather(tasks)
        precondition(woke.value == waiters, "event workload missed a waiter")
    }
}

/// A counter shared by tasks of one loop; they never run at the same time, so no lock is needed.
final class Counter: @unchecked Sendable {
    var value = 0
}
