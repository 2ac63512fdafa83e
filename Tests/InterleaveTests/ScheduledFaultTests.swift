import Testing
@testable import Interleave

/// `scheduleFault`: a fault by task name at a virtual time, on a loop nobody stops at that time
/// (the TUI's `demo --inject`).
@Suite struct ScheduledFaultTests {

    private static func faults(in loop: Loop) -> [TraceEvent] {
        loop.store.events.snapshot().filter { $0.kind == .faultInjected }
    }

    @Test func theFaultLandsAtItsTimeOnTheNamedTask() throws {
        let loop = Loop()
        let main = gatherOfTwo(loop)
        loop.scheduleFault(.fail, intoTaskNamed: "task2", at: .milliseconds(500))
        loop.runUntilIdle()
        #expect(throws: InjectedFault.self) { try main.result?.get() }
        let fault = try #require(Self.faults(in: loop).first)
        #expect(fault.time == 500_000_000)
        #expect(loop.store.task(fault.task).name == "task2")
    }

    @Test func itMatchesAnInjectionMadeByStoppingTheLoop() {
        let stopped = Loop()
        _ = gatherOfTwo(stopped)
        stopped.run(until: .milliseconds(500))
        stopped.inject(.fail, into: TaskID(2))
        stopped.runUntilIdle()
        let scheduled = Loop()
        _ = gatherOfTwo(scheduled)
        scheduled.scheduleFault(.fail, intoTaskNamed: "task2", at: .milliseconds(500))
        scheduled.runUntilIdle()
        #expect(scheduled.store.events.snapshot().map(\.kind) == stopped.store.events.snapshot().map(\.kind))
    }

    @Test func aTaskThatIsNotRunningGetsALintNotAFault() {
        let loop = Loop()
        _ = gatherOfTwo(loop)
        loop.scheduleFault(.cancel, intoTaskNamed: "nobody", at: .milliseconds(500))
        loop.runUntilIdle()
        #expect(Self.faults(in: loop).isEmpty)
        #expect(loop.store.events.snapshot().contains { $0.kind == .lint })
    }

    @Test func aRewindThatReappliesItDoesNotApplyItTwice() throws {
        let first = Loop()
        _ = gatherOfTwo(first)
        first.scheduleFault(.fail, intoTaskNamed: "task2", at: .milliseconds(500))
        first.runUntilIdle()
        let fault = try #require(Self.faults(in: first).first)
        var step = 0
        for event in first.store.events.snapshot() {
            if event.kind == .taskResumed { step += 1 }
            if event.kind == .faultInjected { break }
        }
        // As LiveSource rewinds: the same workload and schedule, the recorded fault re-applied.
        let rewound = Loop()
        _ = gatherOfTwo(rewound)
        rewound.scheduleFault(.fail, intoTaskNamed: "task2", at: .milliseconds(500))
        rewound.reexecute(steps: step + 1, injecting: [AppliedFault(step: step, time: fault.time, fault: .fail, task: fault.task)])
        rewound.runUntilIdle()
        #expect(Self.faults(in: rewound).count == 1)
    }
}
