import Testing
@testable import InterleaveTrace

/// TraceCursor: any step, reached forward or backward, equals folding from scratch.
@Suite struct TraceCursorTests {
    /// A synthetic but well-formed trace: tasks run in steps, sleep, wait on and use resources.
    static func makeTrace(steps: Int, tasks taskCount: Int = 6, seed: UInt64) -> TraceStore {
        let store = TraceStore()
        let recorder = TraceRecorder(store: store)
        var rng = SeededGenerator(seed: seed)
        var time: Int64 = 0
        let main = recorder.createTask(name: "main", parent: .none, at: 0)
        var tasks = [main]
        let lock = recorder.createResource(name: "L", kind: .lock, by: main, at: 0)
        let queue = recorder.createResource(name: "Q", kind: .queue, capacity: 4, by: main, at: 0)
        let sem = recorder.createResource(name: "S", kind: .semaphore, capacity: 2, by: main, at: 0)
        for i in 1..<taskCount { tasks.append(recorder.createTask(name: "t\(i)", parent: main, at: 0)) }
        var queued: Int64 = 0
        for step in 0..<steps {
            time += Int64.random(in: 0...50_000_000, using: &rng)
            let task = tasks[Int.random(in: 0..<tasks.count, using: &rng)]
            recorder.record(.taskResumed, task: task, at: time)
            switch Int.random(in: 0..<8, using: &rng) {
            case 0:
                recorder.record(.taskSleeping, task: task, arg: time + 1_000_000, at: time)
            case 1:
                recorder.record(.lockAcquired, task: task, resource: lock, arg: Int64(task.rawValue), at: time)
                recorder.record(.lockReleased, task: task, resource: lock, at: time)
            case 2 where queued < 4:
                queued += 1
                recorder.record(.queuePut, task: task, resource: queue, arg: queued, at: time)
            case 3 where queued > 0:
                queued -= 1
                recorder.record(.queueGot, task: task, resource: queue, arg: queued, at: time)
            case 4:
                recorder.record(.taskWaiting, task: task, resource: sem, arg: TraceEvent.waitArg(.acquire), at: time)
                let other = tasks[Int.random(in: 0..<tasks.count, using: &rng)]
                recorder.record(.taskWoken, task: task, resource: sem, arg: Int64(other.rawValue), at: time)
                recorder.record(.semaphoreAcquired, task: task, resource: sem, arg: 1, at: time)
            case 5:
                recorder.record(.output, task: task, arg: Int64(recorder.intern("line \(step % 7)").rawValue), at: time)
            case 6 where step % 97 == 0:
                // New tasks and resources keep appearing, so worlds differ in size along the trace.
                tasks.append(recorder.createTask(name: "late\(step)", parent: task, at: time))
                recorder.createResource(name: "E\(step)", kind: .event, by: task, at: time)
            default:
                recorder.record(.taskYielded, task: task, at: time)
            }
        }
        for task in tasks { recorder.record(.taskReturned, task: task, at: time) }
        recorder.record(.runEnded, at: time)
        return store
    }

    /// The world after `step` jobs, folded from the first event.
    static func foldFromScratch(_ store: TraceStore, toStep step: Int) -> WorldState {
        let events = store.events.snapshot()
        let starts = events.indices.filter { events[$0].kind == .taskResumed }
        let end = step < starts.count ? starts[step] : events.count
        var world = WorldState()
        for e in events[..<end] { world.reduce(e) }
        return world
    }

    @Test func seekingToStepsBackAndForthEqualsFoldingFromScratch() {
        let steps = 3000
        let store = Self.makeTrace(steps: steps, seed: 7)
        let cursor = TraceCursor(store: store, minimumSpacing: 64)
        var rng = SeededGenerator(seed: 99)
        var targets = [0, steps, steps / 2, 1, steps - 1, 0, steps + 50]
        targets += (0..<60).map { _ in Int.random(in: 0...steps, using: &rng) }
        for target in targets {
            cursor.seek(toStep: target)
            let expected = Self.foldFromScratch(store, toStep: target)
            #expect(cursor.world == expected, "step \(target)")
            #expect(cursor.world.step == min(target, steps))
        }
        #expect(cursor.totalSteps == steps)
        #expect(cursor.indexedCount == store.events.count)
        #expect(cursor.indexBytes > 0)
    }

    @Test func seekToEventClampsAndMatchesAFold() {
        let store = Self.makeTrace(steps: 500, seed: 3)
        let cursor = TraceCursor(store: store, minimumSpacing: 16)
        let events = store.events.snapshot()
        for target in [events.count, 10, 400, 0, 1_000_000, -5, 777] {
            cursor.seek(toEvent: target)
            let end = max(0, min(target, events.count))
            var world = WorldState()
            for e in events[..<end] { world.reduce(e) }
            #expect(cursor.world == world, "event \(target)")
            #expect(cursor.world.eventCount == end)
        }
    }

    @Test func catchUpFollowsATraceThatIsStillGrowing() {
        let store = TraceStore()
        let recorder = TraceRecorder(store: store)
        let main = recorder.createTask(name: "main", parent: .none, at: 0)
        let cursor = TraceCursor(store: store, minimumSpacing: 8)
        #expect(cursor.catchUp())
        #expect(!cursor.catchUp())   // nothing new
        for round in 1...200 {
            recorder.record(.taskResumed, task: main, at: Int64(round))
            recorder.record(.taskSleeping, task: main, arg: Int64(round + 1), at: Int64(round))
            if round % 50 == 0 {
                #expect(cursor.catchUp())
                #expect(cursor.world.step == round)
                #expect(cursor.world.tasks[0].state == .sleeping)
                cursor.seek(toStep: round / 2)   // look back while it grows…
                #expect(cursor.world == Self.foldFromScratch(store, toStep: round / 2))
            }
        }
        cursor.catchUp()                          // …and come back to the newest event
        #expect(cursor.world.eventCount == store.events.count)
        #expect(cursor.totalSteps == 200)
        cursor.seek(toStep: 0)
        #expect(cursor.world.step == 0 && cursor.world.tasks.count == 1 && cursor.world.tasks[0].state == .created)
    }

    @Test func indexAllDoesNotMoveTheCursor() {
        let store = Self.makeTrace(steps: 300, seed: 5)
        let cursor = TraceCursor(store: store, minimumSpacing: 16)
        cursor.seek(toEvent: 40)
        let before = cursor.world
        cursor.indexAll()
        #expect(cursor.world == before)
        #expect(cursor.totalSteps == 300)
    }
}
