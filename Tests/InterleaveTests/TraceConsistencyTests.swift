import Testing
@testable import Interleave

/// The trace tells the truth about waits: each recorded wait ends with a recorded wake.
@Suite struct TraceConsistencyTests {
    @Test func everyWaitInTheLessonsEndsWithOneWake() throws {
        let loop = Loop()
        try loop.run("main") {
            let lock = Lock("L")
            let event = Event("E")
            let queue = Queue<Int>("Q", capacity: 1)
            let tasks = [
                spawn("locker") { try await lock.withLock { try await sleep(for: .seconds(1)) } },
                spawn("locker2") { try await lock.withLock { try await sleep(for: .seconds(1)) } },
                spawn("waiter") { try await event.wait() },
                spawn("setter") { try await sleep(for: .seconds(1)); event.set() },
                spawn("producer") { for i in 0..<3 { try await queue.put(i) } },
                spawn("consumer") { for _ in 0..<3 { _ = try await queue.get(); try await sleep(for: .seconds(1)) } },
            ]
            _ = try await gather(tasks)
        }
        #expect(TraceAudit.waitWakeViolations(loop.store, includeSleeps: true) == [])
        #expect(TraceAudit.resourceViolations(loop.store) == [])
        #expect(Transcript.fold(loop.store).tasks.allSatisfy { $0.state == .returned })
    }

    /// A task with a fault pending that then sleeps, awaits another task or gathers records
    /// "sleeping"/"waiting" and throws without parking; if it catches the error and carries on,
    /// the trace still shows it parked while it runs.
    @Test(
          arguments: ["join", "gather", "sleep"])
    func aWaitInterruptedBeforeItParksLeavesNoDanglingWait(how: String) throws {
        let loop = Loop()
        try loop.run("main") {
            let other = spawn("other") { try await sleep(for: .seconds(5)) }
            let victim = spawn("victim") {
                loop.inject(.fail, into: loop.store.taskID("victim")!)   // pending from now on
                do {
                    switch how {
                    case "join": try await other.value
                    case "gather": _ = try await gather([other])
                    default: try await sleep(for: .seconds(1))
                    }
                } catch {
                    print("caught \(error)")
                }
            }
            try await victim.value
            other.cancel()
            _ = try? await other.value
        }
        let events = loop.store.events.snapshot()
        let printed = try #require(events.firstIndex { $0.kind == .output })
        var world = WorldState()
        for e in events[...printed] { world.reduce(e) }
        #expect(world.tasks[loop.store.taskID("victim")!.index].state == .running)
        #expect(TraceAudit.waitWakeViolations(loop.store, includeSleeps: true) == [])
    }

    @Test func theTimelineHelperDrawsStatesAtEachSample() throws {
        let loop = Loop()
        try loop.run("main") {
            let lock = Lock("L")
            try await lock.acquire()
            let waiter = spawn("waiter") { try await lock.withLock {} }
            let failing = spawn("failing") { () async throws -> Void in
                try await sleep(for: .seconds(1))
                throw Boom()
            }
            try await sleep(for: .seconds(2))
            lock.release()
            try await waiter.value
            _ = try? await failing.value
        }
        #expect(Transcript.timeline(loop.store, resolution: .seconds(1)) == """
            main    |SS.|
            waiter  |WW.|
            failing |SXX|
            """)
        #expect(Transcript.timeline(loop.store, resolution: .seconds(1), until: .seconds(4), tasks: ["failing"])
                == "failing |SXXXX|")
        #expect(Transcript.output(loop.store).isEmpty)
        #expect(Transcript.events(loop.store, only: [.taskReturned, .taskFailed]) == [
            "1.000s failing failed: boom", "2.000s waiter finished", "2.000s main finished",
        ])
    }
}
