import Testing
import InterleaveTrace

/// The one invariant checker: each rule caught on a hand-made trace that breaks it, nothing
/// reported on one that keeps it, and the same answers whether fed at once or as it grows.
@Suite struct TraceAuditorTests {
    /// A trace with a main task, two workers, a lock, a semaphore of 2 and a queue of 1.
    struct Fixture {
        let store = TraceStore()
        let r: TraceRecorder
        let main, a, b: TaskID
        let lock, semaphore, queue: ResourceID

        init() {
            r = TraceRecorder(store: store)
            main = r.createTask(name: "main", parent: .none, at: 0)
            a = r.createTask(name: "a", parent: main, at: 0)
            b = r.createTask(name: "b", parent: main, at: 0)
            lock = r.createResource(name: "L", kind: .lock, by: main, at: 0)
            semaphore = r.createResource(name: "S", kind: .semaphore, capacity: 2, by: main, at: 0)
            queue = r.createResource(name: "Q", kind: .queue, capacity: 1, by: main, at: 0)
        }

        func audit(_ rules: TraceAuditor.Rules = .all) -> [String] {
            var auditor = TraceAuditor(store: store, rules: rules)
            auditor.finish()
            return auditor.violations
        }
    }

    @Test func aWellBehavedTraceHasNoViolations() {
        let f = Fixture()
        f.r.record(.lockAcquired, task: f.a, resource: f.lock, at: 1)
        f.r.record(.taskWaiting, task: f.b, resource: f.lock, arg: TraceEvent.waitArg(.acquire), at: 1)
        f.r.record(.lockReleased, task: f.a, resource: f.lock, at: 2)
        f.r.record(.taskWoken, task: f.b, at: 2)
        f.r.record(.lockAcquired, task: f.b, resource: f.lock, at: 2)
        f.r.record(.lockReleased, task: f.b, resource: f.lock, at: 3)
        f.r.record(.semaphoreAcquired, task: f.a, resource: f.semaphore, arg: 2, at: 3)
        f.r.record(.queuePut, task: f.a, resource: f.queue, arg: 1, at: 3)
        f.r.record(.queueGot, task: f.b, resource: f.queue, arg: 0, at: 3)
        f.r.record(.taskSleeping, task: f.a, arg: 5, at: 3)
        f.r.record(.taskWoken, task: f.a, at: 5)
        f.r.record(.taskReturned, task: f.a, at: 5)
        #expect(f.audit() == [])
    }

    @Test func aLockTakenWhileHeldOrReleasedByAnotherIsReported() {
        let f = Fixture()
        f.r.record(.lockAcquired, task: f.a, resource: f.lock, at: 1)
        f.r.record(.lockAcquired, task: f.b, resource: f.lock, at: 1)
        f.r.record(.lockReleased, task: f.main, resource: f.lock, at: 2)
        let problems = f.audit(.resources)
        #expect(problems.count == 2)
        #expect(problems[0].contains("b acquired L held by a"))
        #expect(problems[1].contains("main released L it did not hold"))
    }

    @Test func permitsAndQueueDepthsOutOfBoundsAreReported() {
        let f = Fixture()
        f.r.record(.semaphoreAcquired, task: f.a, resource: f.semaphore, arg: 3, at: 1)
        f.r.record(.semaphoreReleased, task: f.a, resource: f.semaphore, arg: -1, at: 1)
        f.r.record(.queuePut, task: f.a, resource: f.queue, arg: 2, at: 1)
        f.r.record(.queueGot, task: f.a, resource: f.queue, arg: -1, at: 1)
        let problems = f.audit(.resources)
        #expect(problems.count == 4, "\(problems)")
        #expect(problems[0].contains("S has 3 of 2 permits in use"))
        #expect(problems[2].contains("Q holds 2 items, capacity 1"))
    }

    @Test func waitsMustEndByOneWakeBeforeTheTaskWaitsAgainOrEnds() {
        let f = Fixture()
        let wait = TraceEvent.waitArg(.acquire)
        f.r.record(.taskWaiting, task: f.a, resource: f.lock, arg: wait, at: 1)
        f.r.record(.taskWaiting, task: f.a, resource: f.lock, arg: wait, at: 1)   // waits again
        f.r.record(.taskWoken, task: f.a, at: 2)
        f.r.record(.taskWoken, task: f.a, at: 2)                                  // woken twice
        f.r.record(.taskWaitAbandoned, task: f.b, at: 2)                          // not waiting
        f.r.record(.taskWaiting, task: f.b, resource: f.lock, arg: wait, at: 3)
        f.r.record(.taskFailed, task: f.b, at: 3)                                 // ended mid-wait
        f.r.record(.taskWaiting, task: f.main, resource: f.lock, arg: wait, at: 4) // parked at the end
        let problems = f.audit(.waits)
        #expect(problems.count == 5, "\(problems)")
        #expect(problems.contains { $0.contains("a waits again") })
        #expect(problems.contains { $0.contains("a woken while not waiting") })
        #expect(problems.contains { $0.contains("b abandoned a wait it was not in") })
        #expect(problems.contains { $0.contains("b ended while its wait") })
        #expect(problems.contains { $0.contains("main still waits at the end") })
    }

    @Test func aTaskParkedAtTheEndIsFineWhenADeadlockNamesIt() {
        let f = Fixture()
        f.r.record(.taskWaiting, task: f.a, resource: f.lock, arg: TraceEvent.waitArg(.acquire), at: 1)
        f.r.record(.deadlock, task: f.a, at: 1)
        #expect(f.audit(.waits) == [])
    }

    @Test func endingMidSleepIsReportedOnlyWhenSleepsMustEnd() {
        let f = Fixture()
        f.r.record(.taskSleeping, task: f.a, arg: 5, at: 1)
        f.r.record(.taskCancelled, task: f.a, at: 2)
        #expect(f.audit(.waits) == [])
        #expect(f.audit([.waits, .sleepsEnd]).count == 1)
        #expect(TraceAudit.waitWakeViolations(f.store) == [])
        #expect(TraceAudit.waitWakeViolations(f.store, includeSleeps: true).count == 1)
    }

    @Test func aYieldEndsByAWakeOrByTheNextJob() {
        let f = Fixture()
        f.r.record(.taskYielded, task: f.a, at: 1)
        f.r.record(.taskWoken, task: f.a, at: 1)
        f.r.record(.taskYielded, task: f.a, at: 2)
        f.r.record(.taskResumed, task: f.a, at: 2)
        f.r.record(.taskWoken, task: f.a, at: 3)
        #expect(f.audit(.waits).count == 1, "the last wake found no yield to end")
    }

    @Test func followingAGrowingTraceGivesTheSameAnswerAsAuditingItWhole() {
        let f = Fixture()
        var growing = TraceAuditor(store: f.store)
        f.r.record(.lockAcquired, task: f.a, resource: f.lock, at: 1)
        growing.catchUp()
        f.r.record(.lockAcquired, task: f.b, resource: f.lock, at: 2)
        growing.catchUp()
        f.r.record(.queuePut, task: f.a, resource: f.queue, arg: 5, at: 3)
        growing.finish()
        #expect(growing.violations == f.audit())
        #expect(growing.world.eventCount == f.store.events.count)
    }

    @Test func onlyTheFirstViolationsAreKeptButAllAreCounted() {
        let f = Fixture()
        for time in 1...5 { f.r.record(.lockReleased, task: f.a, resource: f.lock, at: Int64(time)) }
        var auditor = TraceAuditor(store: f.store, rules: .resources, keepingAtMost: 2)
        auditor.finish()
        #expect(auditor.violations.count == 2)
        #expect(auditor.violationCount == 5)
    }

    @Test func restViolationsNameWhatARunLeftBusy() {
        let f = Fixture()
        f.r.record(.lockAcquired, task: f.a, resource: f.lock, at: 1)
        f.r.record(.semaphoreAcquired, task: f.a, resource: f.semaphore, arg: 1, at: 1)
        f.r.record(.queuePut, task: f.a, resource: f.queue, arg: 1, at: 1)
        f.r.record(.deadlock, task: f.a, at: 2)
        var auditor = TraceAuditor(store: f.store, rules: [])
        auditor.finish()
        let rest = auditor.restViolations()
        #expect(rest.contains("the loop reported a deadlock"))
        #expect(rest.contains("3 task(s) never ended"))
        #expect(rest.contains("L still held at the end"))
        #expect(rest.contains("S ends with 1 of 2 permits in use"))
        #expect(rest.contains("Q ends holding 1 item(s)"))
    }
}
