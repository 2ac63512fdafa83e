import Testing
import InterleaveTrace

/// Where a replayed schedule leaves FIFO: the first divergence, and which one is current.
@Suite struct ScheduleDivergenceTests {
    /// main starts alice and bob; the schedule runs bob ahead of alice, then (later) alice
    /// ahead of an actor's job, with FIFO jobs around them.
    struct Run {
        let store = TraceStore(header: {
            var header = TraceHeader(demoName: "bank", schedule: "replay")
            header.choices = [0, 1, 0, 2]
            return header
        }())
        let main: TaskID, alice: TaskID, bob: TaskID
        /// Event indices of the two `.preempted` events.
        var first = 0, second = 0

        init() {
            let r = TraceRecorder(store: store)
            main = r.createTask(name: "main", parent: .none, at: 0)
            r.record(.taskResumed, task: main, at: 0)
            alice = r.createTask(name: "alice", parent: main, at: 0)
            bob = r.createTask(name: "bob", parent: main, at: 0)
            r.record(.taskYielded, task: main, at: 0)
            first = store.events.count
            r.record(.preempted, task: bob, arg: Int64(alice.rawValue), at: 1)
            r.record(.taskResumed, task: bob, at: 1)
            r.record(.taskYielded, task: bob, at: 1)
            r.record(.taskResumed, task: main, at: 2)
            second = store.events.count
            r.record(.preempted, task: alice, arg: Int64(TaskID.none.rawValue), at: 3)
            r.record(.taskResumed, task: alice, at: 3)
            r.record(.taskReturned, task: alice, at: 3)
            r.record(.taskResumed, task: bob, at: 4)
            r.record(.taskReturned, task: bob, at: 4)
        }

        func world(upTo count: Int) -> WorldState {
            var world = WorldState()
            for event in store.events.snapshot().prefix(count) { world.reduce(event) }
            return world
        }
    }

    @Test func theFirstDivergenceIsTheFirstPreemptedEvent() throws {
        let run = Run()
        let first = try #require(run.store.firstDivergence())
        #expect(first == ScheduleDivergence(eventIndex: run.first, chosen: run.bob, passedOver: run.alice, ordinal: 1, total: 2))
        // Opening there shows the choice made, the chosen job not yet run: a step boundary.
        let world = run.world(upTo: first.openingEventCount)
        #expect(run.store.events[world.eventCount].kind == .taskResumed)
        #expect(world.step == 1 && world.preemptions == 1)
    }

    @Test func aFIFOTraceHasNoDivergence() {
        let store = TraceStore()
        let r = TraceRecorder(store: store)
        let main = r.createTask(name: "main", parent: .none, at: 0)
        r.record(.taskResumed, task: main, at: 0)
        #expect(store.firstDivergence() == nil)
        #expect(TraceStore().firstDivergence() == nil)
    }

    @Test func aDivergenceIsCurrentUntilAnotherJobRuns() {
        let run = Run()
        let store = run.store
        // Before it, none; at it and through the chosen job, the first; after main's job, none.
        #expect(run.world(upTo: run.first).currentDivergence(in: store) == nil)
        #expect(run.world(upTo: run.first + 1).currentDivergence(in: store)?.ordinal == 1)
        #expect(run.world(upTo: run.first + 3).currentDivergence(in: store)?.chosen == run.bob)
        #expect(run.world(upTo: run.first + 4).currentDivergence(in: store) == nil)
        // The second: the job passed over was no task's, and it counts as the 2nd of 2.
        let second = run.world(upTo: run.second + 1).currentDivergence(in: store)
        #expect(second == ScheduleDivergence(eventIndex: run.second, chosen: run.alice, passedOver: .none, ordinal: 2, total: 2))
        #expect(run.world(upTo: store.events.count).currentDivergence(in: store) == nil)
    }

    @Test func aHeaderThatDoesNotCoverTheTraceGivesNoTotal() throws {
        let run = Run()
        run.store.header.choices = [1]
        #expect(try #require(run.store.firstDivergence()).total == 1)
        #expect(run.world(upTo: run.second + 1).currentDivergence(in: run.store)?.total == nil)
        run.store.header.choices = []
        #expect(try #require(run.store.firstDivergence()).total == nil)
        #expect(TraceHeader(schedule: "replay").divergingChoices == 0)
    }
}
