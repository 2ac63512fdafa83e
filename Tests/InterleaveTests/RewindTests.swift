import Testing
@testable import Interleave

/// Time travel: re-executing a run up to a step reproduces it exactly, with or without the
/// faults injected before that step.
@Suite struct RewindTests {

    /// The number of jobs run before the first injected fault in a trace.
    private static func stepOfFirstFault(in store: TraceStore) -> Int? {
        var steps = 0
        for event in store.events.snapshot() {
            if event.kind == .taskResumed { steps += 1 }
            if event.kind == .faultInjected { return steps }
        }
        return nil
    }

    @Test func rewindingToBeforeAFaultAndResumingGivesTheFaultFreeOutcome() throws {
        let faulted = Loop()
        let main = gatherOfTwo(faulted)
        faulted.run(until: .milliseconds(500))
        faulted.inject(.fail, into: TaskID(2))
        faulted.runUntilIdle()
        #expect(throws: InjectedFault.self) { try main.result?.get() }
        let faultStep = try #require(Self.stepOfFirstFault(in: faulted.store))

        // Rewind: a fresh run re-executed to the step before the fault, without it, then resumed.
        let rewound = Loop()
        let again = gatherOfTwo(rewound)
        rewound.reexecute(steps: faultStep, injecting: [])
        let prefix = rewound.store.events.count
        #expect(Array(rewound.store.events.snapshot()) == Array(faulted.store.events.snapshot().prefix(prefix)))
        rewound.runUntilIdle()
        #expect(try again.result?.get() == "onetwo")
        #expect(rewound.now == .seconds(2))
    }

    @Test func rewindingWithTheFaultReproducesTheFaultedRun() throws {
        let faulted = Loop()
        _ = gatherOfTwo(faulted)
        faulted.run(until: .milliseconds(500))
        faulted.inject(.fail, into: TaskID(2))
        faulted.runUntilIdle()
        let faultStep = try #require(Self.stepOfFirstFault(in: faulted.store))

        let rewound = Loop()
        let again = gatherOfTwo(rewound)
        let fault = AppliedFault(step: faultStep, time: 500_000_000, fault: .fail, task: TaskID(2))
        rewound.reexecute(steps: faultStep, injecting: [fault])
        rewound.runUntilIdle()
        #expect(throws: InjectedFault.self) { try again.result?.get() }
        // The same events at the same virtual times, the fault at 0.5 s included.
        #expect(rewound.store.events.snapshot() == faulted.store.events.snapshot())
    }

    /// A lock's holder sleeping 2 s and a waiter for the lock, under `main`.
    private static func holderAndWaiter(_ loop: Loop) -> LoopTask<Void> {
        loop.spawn("main") {
            let lock = Lock("lock")
            _ = try await gather(
                spawn("holder") { try await lock.withLock { try await sleep(for: .seconds(2)) } },
                spawn("waiter") { try await lock.withLock {} })
        }
    }

    /// Paused between two jobs, a run has fired the timers due: a fault injected there comes
    /// after them, and the tasks they woke run before the faulted one. Re-executed, the fault
    /// must land after the same timers, or the order of the ready tasks flips and the run goes
    /// another way (the waiter's failure cancelled the holder instead of letting it finish).
    @Test func aFaultMadeAfterTimersFiredIsMadeAfterThemAgain() throws {
        let faulted = Loop()
        _ = Self.holderAndWaiter(faulted)
        faulted.run(until: .milliseconds(1_999))
        #expect(faulted.advanceToNextTimer(), "the holder's sleep ends at 2 s: it is ready, the waiter waits")
        let tasks = faulted.store.tasks.snapshot()
        let waiter = TaskID(try #require(tasks.firstIndex { $0.name == "waiter" }))
        let holder = TaskID(try #require(tasks.firstIndex { $0.name == "holder" }))
        faulted.inject(.fail, into: waiter)
        faulted.runUntilIdle()
        let events = faulted.store.events.snapshot()
        let faultEvent = try #require(events.firstIndex { $0.kind == .faultInjected })
        let faultStep = try #require(Self.stepOfFirstFault(in: faulted.store))
        #expect(events.contains { $0.kind == .taskReturned && $0.task == holder }, "the holder finished")

        let rewound = Loop()
        _ = Self.holderAndWaiter(rewound)
        let fault = AppliedFault(step: faultStep, time: 2_000_000_000, fault: .fail, task: waiter, event: faultEvent)
        rewound.reexecute(steps: faultStep, injecting: [fault])
        rewound.runUntilIdle()
        #expect(rewound.store.events.snapshot() == events)
    }
}
