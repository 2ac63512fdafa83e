import Testing
@testable import InterleaveTrace

/// Sentences that must read as what happened: no doubled words, no "-" standing in for a task
/// nobody named, and faults said as what the user did.
@Suite struct WordingTests {
    @Test(arguments: [
        ("db", ResourceKind.lock, "lock db"),
        ("lock", .lock, "lock"),
        ("lock A", .lock, "lock A"),
        ("event", .event, "event"),
        ("work queue", .queue, "work queue"),
        ("gather(2)", .group, "group gather(2)"),
        ("sem", .boundedSemaphore, "sem"),
        ("forks", .semaphore, "semaphore forks"),
        ("blocked", .lock, "lock blocked"),
    ])
    func kindIsSaidOnce(name: String, kind: ResourceKind, expected: String) {
        #expect(ResourceInfo(name: name, kind: kind, capacity: 0, location: .unknown).kindAndName == expected)
    }

    /// main, worker and a lock named "lock A", recorded so that events chain per task.
    struct Fixture {
        let store = TraceStore()
        let recorder: TraceRecorder
        let main: TaskID, worker: TaskID, lock: ResourceID

        init() {
            recorder = TraceRecorder(store: store)
            main = recorder.createTask(name: "main", parent: .none, at: 0)
            worker = recorder.createTask(name: "worker", parent: main, at: 0)
            lock = recorder.createResource(name: "lock A", kind: .lock, by: main, at: 0)
        }

        /// Records the event and describes it as the event log would.
        func say(_ kind: EventKind, _ task: TaskID, resource: ResourceID = .none, arg: Int64 = 0, at time: Int64 = 5) -> String? {
            let index = recorder.record(kind, task: task, resource: resource, arg: arg, at: time)
            return EventText.describe(store.events[index], in: store)
        }

        var nobody: Int64 { Int64(TaskID.none.rawValue) }
        func fault(_ kind: FaultKind) -> Int64 { Int64(kind.rawValue) }
    }

    @Test func creatingANamedLockSaysLockOnce() {
        let f = Fixture()
        let created = f.store.events.snapshot().first { $0.kind == .resourceCreated }!
        #expect(EventText.describe(created, in: f.store) == "main creates lock A")
    }

    @Test func aCancelNoTaskAskedForNamesTheLoop() {
        let f = Fixture()
        #expect(f.say(.taskCancelRequested, f.worker, arg: f.nobody) == "the loop cancels worker")
    }

    @Test func anInjectedCancelIsSaidOnceAsWhatTheUserDid() {
        let f = Fixture()
        _ = f.say(.taskWaiting, f.worker, resource: f.lock, arg: TraceEvent.waitArg(.acquire), at: 1)
        #expect(f.say(.faultInjected, f.worker, arg: f.fault(.cancel)) == "you cancelled worker")
        #expect(f.say(.taskCancelRequested, f.worker, arg: f.nobody) == nil)
        #expect(f.say(.taskWoken, f.worker, resource: f.lock, arg: f.nobody) == "worker's wait interrupted (cancelled)")
    }

    @Test func anInjectedFailureInterruptsTheWait() {
        let f = Fixture()
        _ = f.say(.taskSleeping, f.worker, arg: 9, at: 1)
        #expect(f.say(.faultInjected, f.worker, arg: f.fault(.fail)) == "you made worker fail")
        #expect(f.say(.taskWoken, f.worker, arg: f.nobody) == "worker's wait interrupted (made to fail)")
    }

    @Test func aTaskCancellingAnotherIsNamed() {
        let f = Fixture()
        #expect(f.say(.taskCancelRequested, f.worker, arg: Int64(f.main.rawValue)) == "main cancels worker")
        #expect(f.say(.taskWoken, f.worker, resource: f.lock, arg: f.nobody) == "worker's wait interrupted (cancelled)")
    }

    @Test func anOrdinaryWakeIsNotAnInterruption() {
        let f = Fixture()
        _ = f.say(.taskSleeping, f.worker, arg: 5, at: 1)
        #expect(f.say(.taskWoken, f.worker, arg: f.nobody) == "worker wakes up")
        #expect(f.say(.faultInjected, f.worker, arg: f.fault(.stall)) == "you made worker block the loop")
    }

    @Test func aDeadlockWithoutAHolderSaysNoTaskCanEndIt() {
        let f = Fixture()
        #expect(f.say(.deadlock, f.main, resource: f.lock, arg: f.nobody) == "DEADLOCK: main waits for lock A, which no task can end")
        #expect(f.say(.deadlock, f.main, resource: f.lock, arg: Int64(f.worker.rawValue)) == "DEADLOCK: main waits for lock A held by worker")
    }
}
