import Testing
@testable import Interleave

/// What `loop.inject` does to a task: waits abort at once, running tasks fail at their next
/// suspension point, stalls block the loop.
@Suite struct FaultTests {
    /// Every kind of wait a task can be parked in.
    enum WaitKind: String, CaseIterable, Sendable {
        case sleep, lock, semaphore, queueGet, queuePut, event, condition, future, join, gather
    }

    /// Parks "victim" in `kind` for far longer than the test lasts.
    static func park(_ kind: WaitKind, loop: Loop) -> @Sendable () async throws -> Void {
        {
            switch kind {
            case .sleep:
                spawn("victim") { try await sleep(for: .seconds(100)) }
            case .lock:
                let lock = Lock("L")
                try await lock.acquire()
                spawn("victim") { try await lock.acquire() }
            case .semaphore:
                let sem = Semaphore("S", permits: 0)
                spawn("victim") { try await sem.acquire() }
            case .queueGet:
                let queue = Queue<Int>("Q")
                spawn("victim") { _ = try await queue.get() }
            case .queuePut:
                let queue = Queue<Int>("Q", capacity: 1)
                try queue.putNowait(0)
                spawn("victim") { try await queue.put(1) }
            case .event:
                let event = Event("E")
                spawn("victim") { try await event.wait() }
            case .condition:
                let cond = Condition("C")
                spawn("victim") { try await cond.withLock { try await cond.wait() } }
            case .future:
                let future = Future<Int>("F")
                spawn("victim") { _ = try await future.value() }
            case .join:
                let other = spawn("other") { try await sleep(for: .seconds(100)) }
                spawn("victim") { try await other.value }
            case .gather:
                let other = spawn("other") { try await sleep(for: .seconds(100)) }
                spawn("victim") { _ = try await gather([other]) }
            }
            try await sleep(for: .seconds(100))
        }
    }

    @Test(arguments: WaitKind.allCases)
    func anInjectedFailureAbortsAWaitImmediately(kind: WaitKind) throws {
        let loop = Loop()
        loop.spawn("main", Self.park(kind, loop: loop))
        loop.run(until: .milliseconds(1500))
        let victim = try #require(loop.store.taskID("victim"))
        #expect(Transcript.fold(loop.store).tasks[victim.index].state == .waiting || kind == .sleep)
        loop.inject(.fail, into: victim)
        loop.run(until: .milliseconds(1500))
        let world = Transcript.fold(loop.store)
        #expect(world.tasks[victim.index].state == .failed)
        #expect(loop.store.string(world.tasks[victim.index].error) == "injected fault")
        #expect(Transcript.events(loop.store, only: [.faultInjected, .taskFailed]) == [
            "1.500s you made victim fail", "1.500s victim failed: injected fault",
        ])
        // The source forgot the victim: nothing is handed to it later, and every wait it began
        // (a gather also awaits the child it cancels) ended with exactly one wake.
        loop.runUntilIdle()
        #expect(loop.store.events(.taskWoken).filter { $0.task == victim && $0.time > 1_500_000_000 }.isEmpty)
        #expect(TraceAudit.waitWakeViolations(loop.store).filter { $0.contains("victim") } == [])
    }

    @Test func aFaultInjectedIntoARunningTaskIsThrownAtItsNextSuspensionPoint() throws {
        let loop = Loop()
        let progress = Box<[String]>([])
        try loop.run("main") {
            let worker = spawn("worker") {
                progress.value.append("before")
                loop.inject(.fail, into: loop.store.taskID("worker")!)   // while it runs
                progress.value.append("keeps running")
                try await sleep(for: .seconds(1))
                progress.value.append("unreachable")
            }
            await #expect(throws: InjectedFault()) { try await worker.value }
            #expect(loop.now == .zero)
        }
        #expect(progress.value == ["before", "keeps running"])
    }

    @Test func aFaultIsKeptForATaskThatIsWokenButNotYetRunning() throws {
        let loop = Loop()
        let progress = Box<[String]>([])
        try loop.run("main") {
            let event = Event("E")
            let victim = spawn("victim") {
                try await event.wait()
                progress.value.append("woken")      // the wait itself completed normally…
                try await sleep(for: .seconds(1))   // …the fault surfaces here
                progress.value.append("unreachable")
            }
            try await sleep(for: .seconds(1))
            event.set()
            loop.inject(.fail, into: victim.id)     // victim is ready, not running
            await #expect(throws: InjectedFault()) { try await victim.value }
            #expect(loop.now == .seconds(1))
        }
        #expect(progress.value == ["woken"])
    }

    @Test func injectedCancellationCancelsTheTask() throws {
        let loop = Loop()
        let victim = loop.spawn("victim") { try await Event("E", on: loop).wait() }
        loop.run(until: .seconds(2))
        loop.inject(.cancel, into: victim.id)
        loop.runUntilIdle()
        #expect(Transcript.fold(loop.store).tasks[victim.id.index].state == .cancelled)
        #expect(Transcript.events(loop.store, only: [.faultInjected, .taskCancelled]) == [
            "2.000s you cancelled victim", "2.000s victim cancelled",
        ])
    }

    @Test func aStallBlocksTheLoopAndAdvancesVirtualTime() throws {
        let loop = Loop()
        let bystanderWokeAt = Box<Duration?>(nil)
        let main = loop.spawn("main") {
            spawn("bystander") {
                try await sleep(for: .milliseconds(1200))
                bystanderWokeAt.value = loop.now
            }
            try await sleep(for: .seconds(1))
            try await sleep(for: .seconds(1))
        }
        loop.run(until: .milliseconds(500))
        loop.inject(.stall(.milliseconds(500)), into: main.id)
        loop.runUntilIdle()
        // main blocks the loop from 1.0 s to 1.5 s when it next runs: the bystander wakes late.
        #expect(bystanderWokeAt.value == .milliseconds(1500))
        #expect(loop.now == .milliseconds(2500))
        let blocks = loop.store.events.snapshot().filter { $0.kind == .loopBlockStarted || $0.kind == .loopBlockEnded }
        #expect(blocks.map(\.time) == [1_000_000_000, 1_500_000_000])
        #expect(blocks.map(\.arg) == [500_000_000, 500_000_000])
        #expect(Transcript.lints(loop.store) == [
            "loop blocked 0.500s by main: nothing else ran meanwhile (asyncio's debug mode flags anything over 0.100s)",
        ])
        #expect(Transcript.timeline(loop.store, resolution: .milliseconds(250), tasks: ["main"]) == "main |SSSSBBSSSS.|")
    }

    @Test func aShortStallIsNotLinted() throws {
        let loop = Loop()
        let main = loop.spawn("main") { try await sleep(for: .seconds(1)) }
        loop.step()
        loop.inject(.stall(.milliseconds(100)), into: main.id)
        loop.runUntilIdle()
        #expect(loop.now == .milliseconds(1100))
        #expect(Transcript.lints(loop.store).isEmpty)
        #expect(loop.store.events(.loopBlockEnded).count == 1)
    }

    @Test func blockingCallFreezesEveryOtherTask() throws {
        let loop = Loop()
        try loop.run("main") {
            let ticker = spawn("ticker") {
                var ticks: [Duration] = []
                for _ in 0..<3 { try await sleep(for: .milliseconds(500)); ticks.append(loop.now) }
                return ticks
            }
            try await yield()
            blockingCall(for: .seconds(2))
            #expect(try await ticker.value == [.seconds(2), .milliseconds(2500), .seconds(3)])
        }
        #expect(Transcript.events(loop.store, only: [.loopBlockStarted, .loopBlockEnded])
                == ["0.000s main blocks the loop", "2.000s loop blocked 2.000s by main"])
    }

    @Test func faultsIntoFinishedOrUnknownTasksAreIgnored() throws {
        let loop = Loop()
        let done = loop.spawn("done") { 1 }
        loop.runUntilIdle()
        let before = loop.store.events.count
        loop.inject(.fail, into: done.id)
        loop.inject(.cancel, into: TaskID(99))
        loop.step()
        #expect(loop.store.events.count == before)
        #expect(try done.result?.get() == 1)
    }

    @Test func anIOFailureIsRecordedForTheTasksNextIO() throws {
        let loop = Loop()
        let victim = loop.spawn("victim") { try await sleep(for: .seconds(1)) }
        loop.step()
        loop.inject(.ioFailure, into: victim.id)
        loop.runUntilIdle()
        #expect(Transcript.events(loop.store, only: [.faultInjected]) == ["0.000s you made victim's next I/O fail"])
        #expect(try victim.result?.get() != nil)
    }

    /// A task failed or cancelled before its first job ends there without running, even if its
    /// body has no await where the error could be thrown.
    @Test(arguments: [Fault.fail, .cancel])
    func aTaskFaultedBeforeItStartsEndsWithoutRunning(fault: Fault) throws {
        let loop = Loop()
        let ran = Box(false)
        let victimID = Box<TaskID?>(nil)
        _ = try? loop.run("main") {
            let victim = spawn("victim") { ran.value = true }
            victimID.value = victim.id
            Loop.current!.inject(fault, into: victim.id)
            try? await victim.value
        }
        #expect(!ran.value, "the body never ran")
        let state = Transcript.fold(loop.store).tasks[try #require(victimID.value).index].state
        #expect(state == (fault == .fail ? .failed : .cancelled))
    }
}
