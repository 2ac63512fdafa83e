import Testing
@testable import Interleave

/// Cancellation and withTimeout, and what they release.
@Suite struct CancellationTimeoutTests {
    @Test func withTimeoutReturnsTheValueWhenInTime() throws {
        let loop = Loop()
        let value = try loop.run("main") {
            try await withTimeout(.seconds(2)) { try await sleep(for: .seconds(1)); return "done" }
        }
        #expect(value == "done")
    }

    @Test
    func aFinishedTimeoutDoesNotMoveTheClock() throws {
        let loop = Loop()
        let inside = try loop.run("main") {
            try await withTimeout(.seconds(10)) { try await sleep(for: .seconds(1)) }
            return loop.now
        }
        #expect(inside == .seconds(1))
        #expect(loop.now == .seconds(1))
        #expect(loop.store.events(.runEnded).map(\.time) == [nanosecondsPerSecond])
    }

    @Test func withTimeoutThrowsTimeoutErrorAtTheLimit() throws {
        let loop = Loop()
        let reached = Box(false)
        let at = try loop.run("main") {
            await #expect(throws: TimeoutError(limit: .milliseconds(1500))) {
                try await withTimeout(.milliseconds(1500), name: "slow") {
                    try await sleep(for: .seconds(5))
                    reached.value = true
                }
            }
            return loop.now
        }
        #expect(at == .milliseconds(1500))
        #expect(reached.value == false)
        let world = Transcript.fold(loop.store)
        #expect(world.tasks[loop.store.taskID("slow")!.index].state == .cancelled)
        #expect(TimeoutError(limit: .milliseconds(1500)).description == "TimeoutError: no result within 1.500s")
    }

    @Test func aLockHeldByATimedOutChildIsFreeAfterwards() throws {
        let loop = Loop()
        let lock = Lock("L", on: loop)
        let waiterGotItAt = Box<Duration?>(nil)
        try loop.run("main") {
            let waiter = spawn("waiter") {
                try await sleep(for: .milliseconds(100))
                try await lock.withLock { waiterGotItAt.value = loop.now }
            }
            await #expect(throws: TimeoutError.self) {
                try await withTimeout(.seconds(1)) {
                    try await lock.withLock { try await sleep(for: .seconds(10)) }
                }
            }
            #expect(!lock.isLocked || lock.machine.holder?.name == "waiter")
            try await waiter.value
        }
        #expect(waiterGotItAt.value == .seconds(1))
        #expect(!lock.isLocked)
    }

    @Test func aSemaphorePermitHeldByATimedOutChildIsReturned() throws {
        let loop = Loop()
        let sem = Semaphore("S", permits: 1, bounded: true, on: loop)
        try loop.run("main") {
            await #expect(throws: TimeoutError.self) {
                try await withTimeout(.seconds(1)) { try await sem.withPermit { try await sleep(for: .seconds(10)) } }
            }
            #expect(sem.available == 1)
        }
    }

    @Test func cancellingASleepingTaskEndsItAtOnce() throws {
        let loop = Loop()
        try loop.run("main") {
            let sleeper = spawn("sleeper") { try await sleep(for: .seconds(60)) }
            try await sleep(for: .seconds(1))
            sleeper.cancel()
            await #expect(throws: CancellationError.self) { try await sleeper.value }
            #expect(loop.now == .seconds(1))
        }
        #expect(Transcript.timeline(loop.store, resolution: .seconds(1)) == """
            main    |S.|
            sleeper |SC|
            """)
        #expect(Transcript.events(loop.store, only: [.taskCancelRequested, .taskCancelled])
                == ["1.000s main cancels sleeper", "1.000s sleeper cancelled"])
    }

    @Test func cancelFromOutsideTheLoopTakesEffectAtTheNextStep() throws {
        let loop = Loop()
        let sleeper = loop.spawn("sleeper") { try await sleep(for: .seconds(60)) }
        loop.run(until: .milliseconds(1500))
        #expect(!sleeper.isFinished)
        sleeper.cancel()
        loop.runUntilIdle()
        #expect(sleeper.isFinished)
        #expect(loop.now == .milliseconds(1500))
        #expect(throws: CancellationError.self) { try sleeper.result?.get() }
    }

    @Test func aCancelledTaskThrowsAtItsNextSuspensionPoint() throws {
        let loop = Loop()
        let progress = Box<[String]>([])
        try loop.run("main") {
            let worker = spawn("worker") {
                progress.value.append("start")
                try await yield()            // main cancels it meanwhile
                progress.value.append("still running until it suspends")
                try await sleep(for: .seconds(1))
                progress.value.append("unreachable")
            }
            try await yield()
            worker.cancel()
            _ = try? await worker.value
        }
        // "Its current or next wait throws" (LoopTask.cancel): the yield in progress, or the
        // sleep after it when the yield had already ended; never anything past that.
        #expect(progress.value.first == "start")
        #expect(!progress.value.contains("unreachable"))
        #expect(Transcript.fold(loop.store).tasks[loop.store.taskID("worker")!.index].state == .cancelled)
    }

    @Test
    func cancellingTheCallerOfWithTimeoutReleasesWhatTheChildHeld() throws {
        for seed in UInt64(31)...38 {
            let loop = Loop(policy: .random(seed: seed))
            let lock = Lock("L", on: loop)
            let lockedAfterOuterEnded = Box<Bool?>(nil)
            try loop.run("main") {
                let outer = spawn("outer") {
                    try await withTimeout(.seconds(10), name: "child") {
                        try await lock.withLock { try await sleep(for: .seconds(5)) }
                    }
                }
                try await sleep(for: .seconds(1))
                outer.cancel()
                _ = try? await outer.value
                lockedAfterOuterEnded.value = lock.isLocked
            }
            #expect(lockedAfterOuterEnded.value == false, "seed \(seed)")
            #expect(!lock.isLocked)
        }
    }

    @Test func cancellingTheCallerOfWithTimeoutCancelsTheChildUnderFIFO() throws {
        let loop = Loop()
        let lock = Lock("L", on: loop)
        try loop.run("main") {
            let outer = spawn("outer") {
                try await withTimeout(.seconds(10), name: "child") {
                    try await lock.withLock { try await sleep(for: .seconds(5)) }
                }
            }
            try await sleep(for: .seconds(1))
            outer.cancel()
            await #expect(throws: CancellationError.self) { try await outer.value }
        }
        let world = Transcript.fold(loop.store)
        #expect(world.tasks[loop.store.taskID("child")!.index].state == .cancelled)
        #expect(!lock.isLocked)
    }
}
