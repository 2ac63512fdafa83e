import Testing
@testable import Interleave

/// Event, Condition and Future.
@Suite struct EventConditionFutureTests {
    @Test func eventSetWakesEveryWaiterInTheOrderTheyWaited() throws {
        let loop = Loop()
        let woke = Box<[String]>([])
        try loop.run("main") {
            let event = Event("go")
            let waiters = (0..<5).map { i in
                spawn("w\(i)") {
                    try await sleep(for: .milliseconds(100 * (5 - i)))
                    try await event.wait()
                    woke.value.append("w\(i)@\(formatSeconds(loop.now.nanoseconds))")
                }
            }
            try await sleep(for: .seconds(1))
            event.set()
            _ = try await gather(waiters)
        }
        #expect(woke.value == ["w4@1.000s", "w3@1.000s", "w2@1.000s", "w1@1.000s", "w0@1.000s"])
        #expect(loop.store.events(.taskWoken).filter { $0.resource == loop.store.resourceID("go") }.count == 5)
    }

    @Test func waitingOnASetEventReturnsAtOnceAndClearMakesWaitersWaitAgain() throws {
        let loop = Loop()
        try loop.run("main") {
            let event = Event("flag")
            event.set()
            try await event.wait()
            #expect(loop.now == .zero && event.isSet)
            event.clear()
            #expect(!event.isSet)
            let waiter = spawn("waiter") { try await event.wait(); return loop.now }
            try await sleep(for: .seconds(3))
            event.set()
            #expect(try await waiter.value == .seconds(3))
        }
        #expect(Transcript.events(loop.store, only: [.eventSet, .eventCleared]) == [
            "0.000s main sets flag", "0.000s main clears flag", "3.000s main sets flag",
        ])
    }

    @Test func conditionWaitReleasesTheLockAndNotifyWakesOneWaiter() throws {
        let loop = Loop()
        let log = Box<[String]>([])
        try loop.run("main") {
            let cond = Condition("c")
            let items = Box<[Int]>([])
            let consumers = (0..<2).map { i in
                spawn("consumer\(i)") {
                    try await cond.withLock {
                        try await cond.wait(for: { !items.value.isEmpty })
                        #expect(cond.lock.isLocked)
                        log.value.append("consumer\(i) took \(items.value.removeFirst()) at \(loop.now)")
                    }
                }
            }
            for item in [10, 20] {
                try await sleep(for: .seconds(1))
                try await cond.withLock {
                    items.value.append(item)
                    cond.notify()
                }
            }
            _ = try await gather(consumers)
        }
        #expect(log.value == ["consumer0 took 10 at 1.0 seconds", "consumer1 took 20 at 2.0 seconds"])
    }

    @Test func notifyAllWakesEveryWaiter() throws {
        let loop = Loop()
        try loop.run("main") {
            let cond = Condition("c")
            let waiters = (0..<3).map { i in spawn("w\(i)") { try await cond.withLock { try await cond.wait() } } }
            try await sleep(for: .seconds(1))
            try await cond.withLock { cond.notifyAll() }
            _ = try await gather(waiters)
            #expect(loop.now == .seconds(1))
        }
        #expect(Transcript.events(loop.store, only: [.conditionNotified]) == ["1.000s main notifies c (3 woken)"])
    }

    @Test func notifiedWaiterRetakesTheLockAfterTheNotifierReleasesIt() throws {
        let loop = Loop()
        let resumedAt = Box<Duration?>(nil)
        try loop.run("main") {
            let cond = Condition("c")
            let waiter = spawn("waiter") {
                try await cond.withLock {
                    try await cond.wait()
                    resumedAt.value = loop.now
                }
            }
            try await sleep(for: .seconds(1))
            try await cond.withLock {
                cond.notify()
                try await sleep(for: .seconds(1))   // still holding the lock
            }
            try await waiter.value
        }
        #expect(resumedAt.value == .seconds(2))
        #expect(Transcript.fold(loop.store).deadlocked == false)
    }

    @Test func aCancelledConditionWaiterStillHoldsTheLockWhenItThrows() throws {
        let loop = Loop()
        let heldWhenCaught = Box<Bool?>(nil)
        try loop.run("main") {
            let cond = Condition("c")
            let waiter = spawn("waiter") {
                try await cond.withLock {
                    do { try await cond.wait() } catch {
                        heldWhenCaught.value = cond.lock.isLocked && cond.lock.machine.holder?.name == "waiter"
                        throw error
                    }
                }
            }
            try await sleep(for: .seconds(1))
            waiter.cancel()
            await #expect(throws: CancellationError.self) { try await waiter.value }
            #expect(!cond.lock.isLocked)
        }
        #expect(heldWhenCaught.value == true)
    }

    @Test func futureResultWakesEveryWaiter() throws {
        let loop = Loop()
        let values = try loop.run("main") {
            let answer = Future<Int>("answer")
            let waiters = (0..<3).map { i in spawn("w\(i)") { try await answer.value() } }
            try await sleep(for: .seconds(1))
            #expect(answer.setResult(42))
            #expect(!answer.setResult(7))           // a second result is refused
            #expect(try await answer.value() == 42)  // done: returns at once
            return try await gather(waiters)
        }
        #expect(values == [42, 42, 42])
        #expect(Transcript.fold(loop.store).resources[loop.store.resourceID("answer")!.index].aux == 1)
    }

    @Test func futureErrorWakesEveryWaiterWithTheError() throws {
        let loop = Loop()
        let results = try loop.run("main") {
            let future = Future<Int>("f")
            let waiters = (0..<3).map { i in spawn("w\(i)") { try await future.value() } }
            try await sleep(for: .seconds(1))
            future.setError(Boom(tag: "no answer"))
            return try await gather(waiters, returnExceptions: true)
        }
        #expect(results.count == 3)
        for result in results { #expect(throws: Boom(tag: "no answer")) { try result.get() } }
        #expect(Transcript.events(loop.store, only: [.futureFailed]) == ["1.000s main fails f: no answer"])
    }

    @Test func futureCancelWakesEveryWaiterWithCancellation() throws {
        let loop = Loop()
        let results = try loop.run("main") {
            let future = Future<Int>("f")
            let waiters = (0..<3).map { i in spawn("w\(i)") { try await future.value() } }
            try await sleep(for: .seconds(1))
            #expect(future.cancel())
            #expect(future.isDone)
            return try await gather(waiters, returnExceptions: true)
        }
        for result in results { #expect(throws: CancellationError.self) { try result.get() } }
        #expect(loop.now == .seconds(1))
    }

    @Test
    func aTaskEndedByACancelledFutureIsCancelled() throws {
        let loop = Loop()
        try loop.run("main") {
            let future = Future<Int>("f")
            let waiter = spawn("waiter") { try await future.value() }
            try await sleep(for: .seconds(1))
            future.cancel()
            _ = try? await waiter.value
        }
        #expect(Transcript.fold(loop.store).tasks[loop.store.taskID("waiter")!.index].state == .cancelled)
    }
}
