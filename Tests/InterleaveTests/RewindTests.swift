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
}
