import InterleaveTrace

/// The synthetic traces the snapshot tests look at.
enum Workloads {
    static let lockSource = """
        import Interleave

        /// Three workers share one database connection behind a lock.
        func lockDemo() async throws {
            let db = TracedLock("db")
            let jobs = TracedQueue<Int>("jobs", capacity: 4)
            let ready = TracedEvent("ready")
            let reporter = spawn("reporter") {
                while let job = await jobs.get() { print("got job \\(job)") }
            }
            for id in 1...3 {
                spawn("worker-\\(id)") {
                    await ready.wait()
                    try await db.withLock {
                        try await sleep(for: .seconds(1))
                    }
                    await jobs.put(id)
                }
            }
            try await sleep(for: .seconds(0.5))
            ready.set()
            try await joinAll()
            print("all done")
        }
        """

    /// Three workers contend for a lock, a reporter drains a queue, the reporter blocks the
    /// loop once, and worker-3 fails at the end.
    ///
    /// Marks: "start", "racing" (workers wait on the lock), "blocked" (inside a loop block),
    /// "contention", "failed", and "end".
    static func lockDemo() -> Script {
        let s = Script(demoName: "locks", title: "Three workers share a lock", fileID: "Demos/LockDemo.swift", source: lockSource)
        s.at(0)
        let main = s.task("main", line: 4)
        s.resume(main, line: 5)
        let db = s.resource("db", .lock, by: main, line: 5)
        let jobs = s.resource("jobs", .queue, capacity: 4, by: main, line: 6)
        let ready = s.resource("ready", .event, by: main, line: 7)
        let reporter = s.task("reporter", parent: main, line: 8)
        let workers = (1...3).map { s.task("worker-\($0)", parent: main, line: 12) }
        s.caption("main starts a reporter and three workers, then sleeps")
        s.sleep(main, until: 0.5, line: 20)
        s.mark("start")
        s.resume(reporter, line: 9)
        s.wait(reporter, on: jobs, .get, line: 9)
        for w in workers {
            s.resume(w, line: 13)
            s.wait(w, on: ready, .wait, line: 13)
        }

        s.at(0.5)
        s.wake(main)
        s.resume(main, line: 21)
        s.event(.eventSet, main, ready, arg: 1, line: 21)
        for w in workers { s.wake(w, by: main, via: ready) }
        s.caption("ready is set: the workers race for the lock, first come first served")
        s.join(main, workers[0], line: 22)
        s.resume(workers[0], line: 14)
        s.event(.lockAcquired, workers[0], db, arg: Int64(workers[0].rawValue), line: 14)
        s.sleep(workers[0], until: 1.5, line: 15)
        for w in workers.dropFirst() {
            s.resume(w, line: 14)
            s.wait(w, on: db, .acquire, line: 14)
        }
        s.mark("racing")

        s.at(1.5)
        s.wake(workers[0])
        s.resume(workers[0], line: 16)
        s.event(.lockReleased, workers[0], db, line: 16)
        s.wake(workers[1], by: workers[0], via: db)
        s.event(.queuePut, workers[0], jobs, arg: 1, line: 17)
        s.wake(reporter, by: workers[0], via: jobs)
        s.finish(workers[0], line: 18)
        s.wake(main, by: workers[0])
        s.resume(reporter, line: 9)
        s.event(.queueGot, reporter, jobs, arg: 0, line: 9)
        s.say(reporter, "got job 1", line: 9)
        s.caption("the reporter does blocking work on the loop thread: nothing else can run")
        s.event(.loopBlockStarted, reporter, arg: 300_000_000, line: 9)
        s.mark("blocked")
        s.at(1.8)
        s.event(.loopBlockEnded, reporter, arg: 300_000_000, line: 9)
        s.wait(reporter, on: jobs, .get, line: 9)
        s.resume(workers[1], line: 14)
        s.event(.lockAcquired, workers[1], db, arg: Int64(workers[1].rawValue), line: 14)
        s.sleep(workers[1], until: 2.8, line: 15)
        s.resume(main, line: 22)
        s.join(main, workers[1], line: 22)
        s.caption("worker-2 got the lock 0.3 s late: the loop was blocked")
        s.mark("contention")

        s.at(2.8)
        s.wake(workers[1])
        s.resume(workers[1], line: 16)
        s.event(.lockReleased, workers[1], db, line: 16)
        s.wake(workers[2], by: workers[1], via: db)
        s.event(.queuePut, workers[1], jobs, arg: 1, line: 17)
        s.wake(reporter, by: workers[1], via: jobs)
        s.finish(workers[1], line: 18)
        s.wake(main, by: workers[1])
        s.resume(reporter, line: 9)
        s.event(.queueGot, reporter, jobs, arg: 0, line: 9)
        s.say(reporter, "got job 2", line: 9)
        s.wait(reporter, on: jobs, .get, line: 9)
        s.resume(workers[2], line: 14)
        s.event(.lockAcquired, workers[2], db, arg: Int64(workers[2].rawValue), line: 14)
        s.sleep(workers[2], until: 3.8, line: 15)
        s.resume(main, line: 22)
        s.join(main, workers[2], line: 22)

        s.at(3.8)
        s.wake(workers[2])
        s.resume(workers[2], line: 15)
        s.event(.lockReleased, workers[2], db, line: 16)
        s.fail(workers[2], "ConnectionError: db went away", line: 15)
        s.wake(main, by: workers[2])
        s.resume(main, line: 22)
        s.caption("worker-3 failed; main's joinAll rethrows its error")
        s.fail(main, "ConnectionError: db went away", line: 22)
        s.mark("failed")
        s.event(.runEnded, .none)
        s.mark("end")
        return s
    }

    static let deadlockSource = """
        import Interleave

        /// Two tasks take two locks in opposite orders.
        func deadlockDemo() async throws {
            let left = TracedLock("left")
            let right = TracedLock("right")
            spawn("alice") {
                try await left.withLock {
                    try await sleep(for: .seconds(0.1))
                    try await right.withLock { print("alice has both") }
                }
            }
            spawn("bob") {
                try await right.withLock {
                    try await sleep(for: .seconds(0.1))
                    try await left.withLock { print("bob has both") }
                }
            }
        }
        """

    /// Alice and Bob each hold one lock and wait for the other's. Mark: "deadlock".
    static func deadlockDemo() -> Script {
        let s = Script(demoName: "deadlock", title: "Two locks taken in opposite orders", fileID: "Demos/DeadlockDemo.swift", source: deadlockSource)
        let main = s.task("main", line: 4)
        s.resume(main, line: 5)
        let left = s.resource("left", .lock, by: main, line: 5)
        let right = s.resource("right", .lock, by: main, line: 6)
        let alice = s.task("alice", parent: main, line: 7)
        let bob = s.task("bob", parent: main, line: 13)
        s.finish(main, line: 19)
        s.resume(alice, line: 8)
        s.event(.lockAcquired, alice, left, arg: Int64(alice.rawValue), line: 8)
        s.sleep(alice, until: 0.1, line: 9)
        s.resume(bob, line: 14)
        s.event(.lockAcquired, bob, right, arg: Int64(bob.rawValue), line: 14)
        s.sleep(bob, until: 0.1, line: 15)
        s.caption("each task takes its first lock, then sleeps")
        s.at(0.1)
        s.wake(alice)
        s.resume(alice, line: 10)
        s.wait(alice, on: right, .acquire, line: 10)
        s.wake(bob)
        s.resume(bob, line: 16)
        s.wait(bob, on: left, .acquire, line: 16)
        s.event(.deadlock, alice, right, arg: Int64(bob.rawValue))
        s.event(.deadlock, bob, left, arg: Int64(alice.rawValue))
        s.event(.runEnded, .none)
        s.mark("deadlock")
        return s
    }

    /// Forty workers taking turns on a semaphore of four permits, a quarter second each.
    /// Mark "busy": at 1 s, sixteen are done, four hold a permit and twenty wait.
    static func crowd() -> Script {
        let s = Script(demoName: "crowd", title: "Forty workers, four permits", fileID: "Demos/Crowd.swift", source: "")
        let main = s.task("main")
        s.resume(main)
        let pool = s.resource("pool", .semaphore, capacity: 4, by: main)
        let workers = (0..<40).map { s.task("worker\($0)", parent: main) }
        s.event(.taskWaiting, main, arg: TraceEvent.waitArg(.join, awaiting: workers[39]))
        for (index, worker) in workers.enumerated() {
            s.resume(worker)
            if index < 4 {
                s.event(.semaphoreAcquired, worker, pool, arg: Int64(index + 1))
                s.sleep(worker, until: 0.25)
            } else {
                s.wait(worker, on: pool, .acquire)
            }
        }
        for round in 1...4 {
            s.at(Double(round) * 0.25)
            for slot in 0..<4 {
                let done = workers[(round - 1) * 4 + slot], next = workers[round * 4 + slot]
                s.wake(done)
                s.resume(done)
                s.event(.semaphoreReleased, done, pool, arg: 3)
                s.wake(next, by: done, via: pool)
                s.finish(done)
                s.resume(next)
                s.event(.semaphoreAcquired, next, pool, arg: 4)
                s.sleep(next, until: Double(round + 1) * 0.25)
            }
        }
        s.mark("busy")
        return s
    }
}
