import Testing
@testable import Interleave

/// Lock and Semaphore: exclusion, fairness, permits, misuse.
@Suite struct LockSemaphoreTests {
    @Test func lockIsHandedToWaitersInArrivalOrder() throws {
        let loop = Loop()
        let order = Box<[String]>([])
        try loop.run("main") {
            let lock = Lock("L")
            @Sendable func take(_ name: String, arrivingAfter ms: Int) -> LoopTask<Void> {
                spawn(name) {
                    try await sleep(for: .milliseconds(ms))
                    try await lock.withLock {
                        order.value.append(name)
                        try await sleep(for: .seconds(1))
                    }
                }
            }
            // w3 is spawned first but arrives last: arrival order, not spawn order, decides.
            let tasks = [take("w3", arrivingAfter: 300), take("holder", arrivingAfter: 0),
                         take("w1", arrivingAfter: 100), take("w2", arrivingAfter: 200),
                         take("late", arrivingAfter: 1500)]
            _ = try await gather(tasks)
        }
        #expect(order.value == ["holder", "w1", "w2", "w3", "late"])
        #expect(loop.now == .seconds(5))
    }

    @Test func aReleasingTaskCannotBargeAheadOfWaiters() throws {
        let loop = Loop()
        let order = Box<[String]>([])
        try loop.run("main") {
            let lock = Lock("L")
            try await lock.acquire()
            let waiters = ["a", "b"].map { name in
                spawn(name) { try await lock.withLock { order.value.append(name) } }
            }
            try await sleep(for: .seconds(1))
            lock.release()
            // Re-acquiring at once queues behind a and b (asyncio's Lock is fair the same way).
            try await lock.acquire()
            order.value.append("main")
            lock.release()
            _ = try await gather(waiters)
        }
        #expect(order.value == ["a", "b", "main"])
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func lockIsMutuallyExclusiveUnderRandomSchedules(seed: UInt64) throws {
        let loop = Loop(policy: .random(seed: seed))
        let inside = Occupancy()
        try loop.run("main") {
            let lock = Lock("L")
            _ = try await gather((0..<6).map { i in
                spawn("t\(i)") {
                    for round in 0..<4 {
                        try await lock.withLock {
                            inside.enter("t\(i)")
                            defer { inside.leave() }
                            if (i + round) % 2 == 0 { try await yield() } else {
                                try await sleep(for: .milliseconds(10 * (i + 1)))
                            }
                        }
                        try await yield()
                    }
                }
            })
        }
        #expect(inside.maximum == 1)
        #expect(inside.entries.count == 24)
        // In the trace too: an acquisition only ever happens while the lock is free.
        var holder: TaskID = .none
        for e in loop.store.events.snapshot() {
            if e.kind == .lockAcquired { #expect(holder == .none); holder = e.task }
            if e.kind == .lockReleased { #expect(holder == e.task); holder = .none }
        }
    }

    @Test func aCancelledWaiterLeavesTheLockQueue() throws {
        let loop = Loop()
        let order = Box<[String]>([])
        try loop.run("main") {
            let lock = Lock("L")
            try await lock.acquire()
            let first = spawn("first") { try await lock.withLock { order.value.append("first") } }
            let second = spawn("second") { try await lock.withLock { order.value.append("second") } }
            try await sleep(for: .seconds(1))
            first.cancel()
            try await sleep(for: .seconds(1))
            lock.release()
            await #expect(throws: CancellationError.self) { try await first.value }
            try await second.value
            #expect(!lock.isLocked)
        }
        #expect(order.value == ["second"])
    }

    @Test func releasingAnUnlockedLockIsLinted() throws {
        let loop = Loop()
        try loop.run("main") { Lock("L").release() }
        #expect(Transcript.lints(loop.store) == ["main released L, which was not locked"])
    }

    @Test func lockReleasesWhenTheBodyThrows() throws {
        let loop = Loop()
        try loop.run("main") {
            let lock = Lock("L")
            await #expect(throws: Boom.self) { try await lock.withLock { throw Boom() } }
            #expect(!lock.isLocked)
        }
    }

    @Test(arguments: [SchedulePolicy.fifo, .random(seed: 11), .random(seed: 12), .random(seed: 13)])
    func semaphoreNeverExceedsItsPermits(policy: SchedulePolicy) throws {
        let loop = Loop(policy: policy)
        let inside = Occupancy()
        let sem = Semaphore("downloads", permits: 3, on: loop)
        try loop.run("main") {
            _ = try await gather((0..<10).map { i in
                spawn("d\(i)") {
                    try await sem.withPermit {
                        inside.enter()
                        defer { inside.leave() }
                        try await sleep(for: .seconds(1))
                    }
                }
            })
        }
        #expect(inside.maximum == 3)
        #expect(loop.now == .seconds(4))   // ceil(10 / 3) rounds of 1 s
        #expect(sem.inUse == 0 && sem.available == 3)
        let inUse = loop.store.events(.semaphoreAcquired).map(\.arg)
        #expect(inUse.count == 10 && inUse.allSatisfy { $0 >= 1 && $0 <= 3 })
    }

    @Test func aZeroPermitSemaphoreWaitsForARelease() throws {
        let loop = Loop()
        try loop.run("main") {
            let sem = Semaphore("gate", permits: 0)
            let waiter = spawn("waiter") { try await sem.acquire(); return loop.now }
            try await sleep(for: .seconds(2))
            try sem.release()
            #expect(try await waiter.value == .seconds(2))
        }
    }

    @Test func boundedSemaphoreOverReleaseThrows() throws {
        let loop = Loop()
        try loop.run("main") {
            let sem = Semaphore("b", permits: 2, bounded: true)
            try await sem.acquire()
            try sem.release()
            #expect(throws: SemaphoreError.releasedTooOften("b")) { try sem.release() }
            #expect(sem.available == 2)
        }
    }

    @Test func unboundedSemaphoreAcceptsExtraReleasesLikeAsyncio() throws {
        let loop = Loop()
        try loop.run("main") {
            let sem = Semaphore("s", permits: 1)
            try sem.release()
            #expect(sem.available == 2)
        }
    }

    @Test func permitIsReturnedWhenTheBodyThrows() throws {
        let loop = Loop()
        try loop.run("main") {
            let sem = Semaphore("s", permits: 1, bounded: true)
            await #expect(throws: Boom.self) { try await sem.withPermit { throw Boom() } }
            #expect(sem.available == 1)
        }
    }
}
