import Testing
@testable import Interleave

/// `Loop.close()`: the tasks a run leaves suspended are ended, untraced, and the loop is freed.
@Suite struct CloseTests {
    /// Two tasks that take two locks in opposite order, and a main task that waits for both.
    private func deadlockedLoop() -> (Loop, LoopTask<Void>, LoopTask<Void>) {
        let loop = Loop()
        let l1 = Lock("L1", on: loop), l2 = Lock("L2", on: loop)
        let a = loop.spawn("A") {
            try await l1.withLock { try await sleep(for: .seconds(1)); try await l2.withLock {} }
        }
        let b = loop.spawn("B") {
            try await l2.withLock { try await sleep(for: .seconds(1)); try await l1.withLock {} }
        }
        loop.runUntilIdle()
        return (loop, a, b)
    }

    @Test func aDeadlockedRunsTasksEndCancelledAndTheTraceStaysAsItWas() throws {
        let (loop, a, b) = deadlockedLoop()
        let before = loop.store.events.count
        #expect(Transcript.fold(loop.store).deadlocked)
        #expect(a.result == nil && b.result == nil)

        #expect(loop.close() == 0)

        #expect(loop.store.events.count == before, "closing records nothing")
        #expect(throws: CancellationError.self) { try a.result?.get() }
        #expect(throws: CancellationError.self) { try b.result?.get() }
    }

    /// The point of closing: a suspended Swift task keeps its loop, and the loop its whole trace.
    @Test func aClosedLoopIsFreed() {
        weak var weakLoop: Loop?
        weak var weakStore: TraceStore?
        do {
            let (loop, _, _) = deadlockedLoop()
            weakLoop = loop
            weakStore = loop.store
            loop.close()
        }
        #expect(weakLoop == nil, "the loop outlived its last reference")
        #expect(weakStore == nil, "the trace outlived its loop")
    }

    @Test func aRunStoppedMidwayIsEndedTimersAndAll() {
        weak var weakLoop: Loop?
        do {
            let loop = Loop()
            weakLoop = loop
            let sleeper = loop.spawn("sleeper") { try await sleep(for: .seconds(5)) }
            let ticker = loop.spawn("ticker") {
                while true { try await sleep(for: .milliseconds(100)) }
            }
            loop.run(until: .seconds(1))
            #expect(!sleeper.isFinished && !ticker.isFinished)
            #expect(loop.close() == 0)
            #expect(loop.now == .seconds(1), "closing does not move virtual time")
            #expect(sleeper.isFinished && ticker.isFinished)
        }
        #expect(weakLoop == nil)
    }

    /// A task that catches its cancellation and waits again is cancelled again, a round at a time.
    @Test func aTaskThatWaitsAgainAfterItsCancellationIsCancelledAgain() {
        let loop = Loop()
        let never = Event("never", on: loop)
        let cleanedUp = Box(false)
        let stubborn = loop.spawn("stubborn") {
            do {
                try await never.wait()
            } catch {
                // Cleanup that itself waits: asyncio lets a cancelled task await once more.
                defer { cleanedUp.value = true }
                try await never.wait()
            }
        }
        loop.runUntilIdle()
        #expect(loop.close(rounds: 1) == 1, "one round ends the first wait only")
        #expect(!stubborn.isFinished)
        #expect(loop.close() == 0)
        #expect(stubborn.isFinished && cleanedUp.value)
    }

    /// Like `asyncio.run`, `run` ends what main left behind: here a task waiting on an event nobody sets.
    @Test func runEndsTheTasksMainLeftBehind() throws {
        let loop = Loop()
        let box = Box<LoopTask<Void>?>(nil)
        let answer = try loop.run("main") {
            let never = Event("never")
            box.value = spawn("forgotten") { try await never.wait() }
            return 42
        }
        #expect(answer == 42)
        let forgotten = try #require(box.value)
        #expect(throws: CancellationError.self) { try forgotten.result?.get() }
        #expect(Transcript.lints(loop.store) == [
            "main ended while 1 task(s) were still pending: forgotten",
            "forgotten waits forever on event never, which nothing will set",
        ])
    }

    /// Closing is not an end to the loop: a later run on it is recorded as usual.
    @Test func aLoopRunsAndRecordsAgainAfterClosing() throws {
        let loop = Loop()
        _ = try loop.run("first") { try await sleep(for: .seconds(1)) }
        let before = loop.store.events.count
        let answer = try loop.run("second") {
            try await sleep(for: .seconds(1))
            return 7
        }
        #expect(answer == 7)
        #expect(loop.now == .seconds(2))
        let second = try #require(loop.store.taskID("second"))
        let resumed = loop.store.events(.taskResumed).filter { $0.task == second }
        #expect(resumed.count == 2, "the second run's jobs were recorded (before and after its sleep)")
        #expect(loop.store.events.count > before)
    }

    /// A second run on a closed loop records its own end, deadlock and lints, as the first did.
    @Test func aSecondRunRecordsItsOwnEndAndDeadlock() throws {
        let loop = Loop()
        func deadlockingRun(_ name: String) {
            #expect(throws: LoopError.neverFinished(name)) {
                try loop.run(name) {
                    let never = Event("never")
                    try await never.wait()
                }
            }
        }
        deadlockingRun("first")
        deadlockingRun("second")
        #expect(loop.store.events(.runEnded).count == 2)
        let stuck = loop.store.events(.deadlock).map { loop.store.taskName($0.task) }
        #expect(stuck == ["first", "second"])
        #expect(Transcript.lints(loop.store) == [
            "first waits forever on event never, which nothing will set",
            "second waits forever on event never, which nothing will set",
        ])
    }

    /// A finished task's handle, awaited off the loop while the loop lives on, gives its outcome
    /// (it holds the loop's inbox, not the loop, so it cannot ask the loop to wait).
    @Test func aFinishedHandleAwaitedOffTheLoopGivesItsOutcome() async throws {
        let loop = Loop()
        let handles = Box<(LoopTask<Int>, LoopTask<Int>)?>(nil)
        _ = try loop.run("main") {
            let seven = spawn("seven") { 7 }
            let failing = spawn("failing") { () async throws -> Int in throw Boom() }
            handles.value = (seven, failing)
            _ = try await seven.value
            _ = try? await failing.value
        }
        let (seven, failing) = try #require(handles.value)
        #expect(try await seven.value == 7)
        await #expect(throws: Boom.self) { try await failing.value }
        seven.cancel()    // posted to the loop's inbox; the task has ended, so nothing changes
        loop.runUntilIdle()
        #expect(try seven.result?.get() == 7)
    }

    /// A handle that outlives its loop is safe to use: cancelling does nothing, its outcome reads
    /// as it was left, and awaiting it gives that outcome (the loop's memory is never read).
    @Test func aHandleOutlivingItsLoopIsSafe() async throws {
        weak var gone: Loop?
        let (done, stuck): (LoopTask<Int>, LoopTask<Int>) = try {
            let loop = Loop()
            gone = loop
            let handles = Box<(LoopTask<Int>, LoopTask<Int>)?>(nil)
            _ = try? loop.run("main") {
                let done = spawn("done") { 7 }
                let stuck = spawn("stuck") { () async throws -> Int in try await Event("never").wait(); return 0 }
                handles.value = (done, stuck)
                _ = try await done.value
            }
            return try #require(handles.value)
        }()
        #expect(gone == nil, "the loop was freed")
        stuck.cancel()
        #expect(try done.result?.get() == 7)
        #expect(try await done.value == 7)
        await #expect(throws: CancellationError.self) { try await stuck.value }
    }

    /// A task cancelled before its first job never runs its body; its handle must not keep the
    /// body (and what it captures: primitives hold their loop) alive.
    @Test func aTaskCancelledBeforeItStartsLetsGoOfItsBody() throws {
        final class Captured: Sendable {}
        final class WeakRef: @unchecked Sendable { weak var object: Captured? }
        let captured = WeakRef()
        let handle = Box<LoopTask<Void>?>(nil)
        try Loop().run("main") {
            let object = Captured()
            captured.object = object
            let child = spawn("child") { _ = object }
            child.cancel()
            handle.value = child
            _ = try? await child.value
        }
        #expect(try #require(handle.value).isFinished)
        #expect(captured.object == nil, "the handle kept the body it never ran")
    }
}
