import Testing
@testable import InterleaveTrace

/// EventText sentences and formatSeconds.
@Suite struct TraceTextTests {
    @Test(arguments: [
        (Int64(0), "0.000s"),
        (1_000_000_000, "1.000s"),
        (1_500_000, "0.002s"),          // halves round up
        (1_499_999, "0.001s"),
        (999_999_999, "1.000s"),
        (2_000_000_000, "2.000s"),
        (123_456_789_012, "123.457s"),
        (-2_500_000_000, "-2.500s"),
        (3_600_000_000_000, "3600.000s"),
    ])
    func formatSecondsShowsMilliseconds(nanoseconds: Int64, text: String) {
        #expect(formatSeconds(nanoseconds) == text)
    }

    /// A small store: main, task2 (child of main), a lock, a 3-permit semaphore, a queue, an event.
    struct Fixture {
        let store = TraceStore()
        let recorder: TraceRecorder
        let main: TaskID, task2: TaskID
        let lock: ResourceID, sem: ResourceID, queue: ResourceID, event: ResourceID, future: ResourceID

        init() {
            recorder = TraceRecorder(store: store)
            main = recorder.createTask(name: "main", parent: .none, at: 0)
            task2 = recorder.createTask(name: "task2", parent: main, at: 0)
            lock = recorder.createResource(name: "L", kind: .lock, by: main, at: 0)
            sem = recorder.createResource(name: "S", kind: .semaphore, capacity: 3, by: main, at: 0)
            queue = recorder.createResource(name: "Q", kind: .queue, capacity: 2, by: main, at: 0)
            event = recorder.createResource(name: "E", kind: .event, by: main, at: 0)
            future = recorder.createResource(name: "F", kind: .future, by: main, at: 0)
        }

        func text(_ kind: EventKind, task: TaskID = .none, resource: ResourceID = .none, arg: Int64 = 0) -> String? {
            EventText.describe(TraceEvent(time: 0, kind: kind, task: task, resource: resource, arg: arg), in: store)
        }

        func string(_ text: String) -> Int64 { Int64(recorder.intern(text).rawValue) }
    }

    @Test func taskEventsReadAsSentences() {
        let f = Fixture()
        let events = f.store.events.snapshot()
        #expect(EventText.describe(events[0], in: f.store) == "main created")
        #expect(EventText.describe(events[1], in: f.store) == "task2 created by main")
        #expect(f.text(.taskResumed, task: f.main) == nil)
        #expect(f.text(.taskYielded, task: f.main) == nil)
        #expect(f.text(.taskSleeping, task: f.task2, arg: 2_000_000_000) == "task2 sleeps until 2.000s")
        #expect(f.text(.taskWaiting, task: f.main, arg: TraceEvent.waitArg(.join, awaiting: f.task2)) == "main awaits task2")
        #expect(f.text(.taskWaiting, task: f.task2, resource: f.lock, arg: TraceEvent.waitArg(.acquire)) == "task2 waits to acquire L")
        #expect(f.text(.taskWaiting, task: f.task2, resource: f.queue, arg: TraceEvent.waitArg(.put)) == "task2 waits to put into Q (full)")
        #expect(f.text(.taskWaiting, task: f.task2, resource: f.queue, arg: TraceEvent.waitArg(.get)) == "task2 waits to get from Q (empty)")
        #expect(f.text(.taskWaiting, task: f.task2, resource: f.event, arg: TraceEvent.waitArg(.wait)) == "task2 waits on E")
        #expect(f.text(.taskWoken, task: f.task2, arg: Int64(TaskID.none.rawValue)) == "task2 wakes up")
        #expect(f.text(.taskWoken, task: f.task2, resource: f.event, arg: Int64(TaskID.none.rawValue)) == "task2 woken by E")
        #expect(f.text(.taskWoken, task: f.task2, resource: f.lock, arg: Int64(f.main.rawValue)) == "task2 woken by main")
        #expect(f.text(.taskReturned, task: f.task2) == "task2 finished")
        #expect(f.text(.taskFailed, task: f.task2, arg: f.string("boom")) == "task2 failed: boom")
        #expect(f.text(.taskCancelled, task: f.task2) == "task2 cancelled")
        #expect(f.text(.taskCancelRequested, task: f.task2, arg: Int64(f.main.rawValue)) == "main cancels task2")
    }

    @Test func resourceAndDiagnosticEventsReadAsSentences() {
        let f = Fixture()
        let created = f.store.events.snapshot().first { $0.kind == .resourceCreated && $0.resource == f.sem }!
        #expect(EventText.describe(created, in: f.store) == "main creates semaphore S")
        #expect(f.text(.lockAcquired, task: f.task2, resource: f.lock, arg: Int64(f.task2.rawValue)) == "task2 acquired L")
        #expect(f.text(.lockReleased, task: f.task2, resource: f.lock) == "task2 released L")
        #expect(f.text(.semaphoreAcquired, task: f.main, resource: f.sem, arg: 2) == "main acquired S (2/3 in use)")
        #expect(f.text(.semaphoreReleased, task: f.main, resource: f.sem, arg: 1) == "main released S (1/3 in use)")
        #expect(f.text(.eventSet, task: f.main, resource: f.event, arg: 1) == "main sets E")
        #expect(f.text(.queuePut, task: f.main, resource: f.queue, arg: 2) == "main puts into Q (2 queued)")
        #expect(f.text(.queueGot, task: f.task2, resource: f.queue, arg: 1) == "task2 gets from Q (1 queued)")
        #expect(f.text(.queueTaskDone, task: f.task2, resource: f.queue, arg: 0) == "task2 marks an item of Q done (0 unfinished)")
        #expect(f.text(.futureFailed, task: f.main, resource: f.future, arg: f.string("nope")) == "main fails F: nope")
        #expect(f.text(.output, task: f.main, arg: f.string("Hello")) == "main: Hello")
        #expect(f.text(.caption, task: f.main, arg: f.string("a caption")) == nil)
        #expect(f.text(.faultInjected, task: f.task2, arg: Int64(FaultKind.fail.rawValue)) == "you made task2 fail")
        #expect(f.text(.faultInjected, task: f.task2, arg: Int64(FaultKind.stall.rawValue)) == "you made task2 block the loop")
        #expect(f.text(.faultInjected, task: f.task2, arg: 99) == "you injected a fault into task2")
        #expect(f.text(.loopBlockStarted, task: f.main, arg: 500_000_000) == "main blocks the loop")
        #expect(f.text(.loopBlockEnded, task: f.main, arg: 500_000_000) == "loop blocked 0.500s by main")
        #expect(f.text(.lint, task: f.main, arg: f.string("careful")) == "careful")
        #expect(f.text(.deadlock, task: f.main, resource: f.lock, arg: Int64(f.task2.rawValue)) == "DEADLOCK: main waits for L held by task2")
        #expect(f.text(.ioFinished, task: f.main, arg: 0) == "main I/O done")
        #expect(f.text(.ioFinished, task: f.main, arg: f.string("refused") + 1) == "main I/O failed: refused")
        #expect(f.text(.userAction, arg: 1) == nil)
        #expect(f.text(.runEnded) == "run ended")
    }

    @Test func unknownIdsReadAsADash() {
        let f = Fixture()
        #expect(f.store.taskName(.none) == "-" && f.store.taskName(TaskID(99)) == "-")
        #expect(f.store.resourceName(.none) == "-" && f.store.resourceName(ResourceID(99)) == "-")
        #expect(f.store.string(StringID(999)) == "?")
        #expect(TaskID(3).description == "#3" && TaskID.none.description == "-")
        #expect(ResourceID(2).description == "r2")
    }
}
