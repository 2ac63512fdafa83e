import Testing
@testable import InterleaveTrace

/// WorldState.reduce for the cases folds rely on.
@Suite struct WorldStateTests {
    @Test func tasksMoveThroughTheirStatesAndFinishOnce() {
        let store = TraceStore()
        let r = TraceRecorder(store: store)
        let main = r.createTask(name: "main", parent: .none, at: 0)
        let a = r.createTask(name: "a", parent: main, at: 0)
        let b = r.createTask(name: "b", parent: main, at: 0)
        let lock = r.createResource(name: "L", kind: .lock, by: main, at: 0)
        r.record(.taskResumed, task: a, at: 0)
        r.record(.lockAcquired, task: a, resource: lock, arg: Int64(a.rawValue), at: 0)
        r.record(.taskSleeping, task: a, arg: 5, at: 0)
        r.record(.taskResumed, task: b, at: 0)
        r.record(.taskWaiting, task: b, resource: lock, arg: TraceEvent.waitArg(.acquire), at: 1)
        r.record(.taskResumed, task: main, at: 1)
        r.record(.taskWaiting, task: main, resource: lock, arg: TraceEvent.waitArg(.acquire), at: 2)
        var world = WorldState()
        for e in store.events.snapshot() { world.reduce(e) }
        #expect(world.tasks[a.index].state == .sleeping && world.tasks[a.index].deadline == 5)
        #expect(world.resources[lock.index].holder == a)
        #expect(world.waiters(of: lock) == [b, main])
        #expect(world.waiters(of: lock, reason: .get) == [])
        #expect(world.waiterCounts() == [1 + 1])
        #expect(world.step == 3 && world.running == main)
        #expect(world.liveTaskCount == 3)

        r.record(.taskFailed, task: b, arg: Int64(r.intern("boom").rawValue), at: 3)
        r.record(.taskFailed, task: b, arg: 0, at: 3)   // a second end is ignored
        r.record(.taskCancelled, task: main, at: 3)
        r.record(.loopBlockStarted, task: a, arg: 10, at: 3)
        for e in store.events.snapshot()[world.eventCount...] { world.reduce(e) }
        #expect(world.tasks[b.index].state == .failed && store.string(world.tasks[b.index].error) == "boom")
        #expect(world.finishedTasks == 2 && world.failedTasks == 1 && world.cancelledTasks == 1)
        #expect(world.tasks[a.index].state == .blocking && world.blockingTask == a)
        #expect(world.task(.none) == nil && world.task(TaskID(42)) == nil)
        #expect(world.tasks[main.index].resource == .none)   // no longer waiting
    }

    @Test func queuesCountUnfinishedItemsAndFuturesTheirOutcome() {
        let store = TraceStore()
        let r = TraceRecorder(store: store)
        let main = r.createTask(name: "main", parent: .none, at: 0)
        let q = r.createResource(name: "Q", kind: .queue, by: main, at: 0)
        let f = r.createResource(name: "F", kind: .future, by: main, at: 0)
        r.record(.queuePut, task: main, resource: q, arg: 1, at: 0)
        r.record(.queuePut, task: main, resource: q, arg: 2, at: 0)
        r.record(.queueGot, task: main, resource: q, arg: 1, at: 0)
        r.record(.queueTaskDone, task: main, resource: q, arg: 1, at: 0)
        r.record(.futureFailed, task: main, resource: f, arg: 7, at: 0)
        r.record(.deadlock, task: main, resource: q, arg: Int64(TaskID.none.rawValue), at: 0)
        r.record(.runEnded, at: 0)
        var world = WorldState()
        for e in store.events.snapshot() { world.reduce(e) }
        #expect(world.resources[q.index].value == 1 && world.resources[q.index].aux == 1)
        #expect(world.resources[q.index].operations == 4)
        #expect(world.resources[f.index].aux == 2 && world.resources[f.index].value == 7)
        #expect(world.deadlocked && world.ended && world.lastDiagnostic == store.events.count - 2)
    }
}
