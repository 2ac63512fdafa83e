import DequeModule
import InterleaveTrace

/// What a task of another runtime waits for, as the loop records it.
package enum ForeignWait: Sendable {
    /// A sleep until the virtual instant (ns).
    case sleeping(until: Int64)
    /// A wait on a resource (or, for a join, on a task).
    case waiting(ResourceID, WaitReason, awaiting: TaskID)
    /// Ready again at once, behind the tasks already ready (a `sleep(0)`).
    case yielding
}

/// Tasks of another runtime, mirrored on the loop: the Python adapter (`InterleavePython`) runs
/// each asyncio task as a loop task that parks here while the Python task waits, and is woken
/// when the Python side says it is ready. The loop stays the scheduler and the clock, so every
/// view, rewind, fault and export works on them as on its own tasks (loop thread only).
extension Loop {
    /// Creates a task as `spawn` does, at a location given at run time (a Python file's line).
    @discardableResult
    package func spawnForeign(_ name: String, location: LocationID, _ body: @escaping @Sendable () async throws -> Void)
        -> TaskID {
        let task = spawn(name, at: location, body)
        // Whether its failure was awaited is the other runtime's to say (asyncio logs "Task
        // exception was never retrieved" itself), not the mirror's, which nobody awaits.
        task.record.outcomeRetrieved = true
        foreignTasks[task.id] = task.record
        return task.id
    }

    /// Parks the running task as `wait` says until `wakeForeign` (or a cancellation or fault,
    /// which the caller turns into the other runtime's own). With `readyAgain`, what it waits
    /// for came during its own step: the wait is recorded, and the task is woken after the job,
    /// behind the tasks ready, as after a yield.
    package func parkForeign(_ wait: ForeignWait, location: LocationID, readyAgain: Bool = false) async throws {
        let me = currentRecord()
        try checkInterrupt(me)
        let source: ForeignWaitSource
        switch wait {
        case .sleeping(let deadline):
            recorder.record(.taskSleeping, task: me.id, arg: deadline, at: nowNanoseconds, location: location)
            source = ForeignWaitSource(resource: .none)
        case .waiting(let resource, let reason, let awaiting):
            recorder.record(.taskWaiting, task: me.id, resource: resource, arg: TraceEvent.waitArg(reason, awaiting: awaiting),
                            at: nowNanoseconds, location: location)
            source = ForeignWaitSource(resource: resource)
        case .yielding:
            return try await yield()
        }
        if readyAgain {
            try await suspend(me, on: yieldSource) { yieldSource.tasks.append(Unmanaged.passUnretained(me)) }
            return try checkInterrupt(me)
        }
        foreignWaits[me.id] = source
        defer { foreignWaits[me.id] = nil }
        try await suspend(me, on: source) { source.waiter = me }
    }

    /// Wakes the task parked in `parkForeign`, as done by `waker`; false when it is not parked.
    @discardableResult
    package func wakeForeign(_ task: TaskID, by waker: TaskID) -> Bool {
        guard let source = foreignWaits[task], let record = source.waiter else { return false }
        source.waiter = nil
        wake(record, by: waker, source: source.traceResource)
        return true
    }

    /// Records an event of the other runtime as the loop's own (a lock acquired, a queue put…).
    package func recordForeign(_ kind: EventKind, task: TaskID, resource: ResourceID = .none, arg: Int64 = 0,
                               location: LocationID = .unknown) {
        recorder.record(kind, task: task, resource: resource, arg: arg, at: nowNanoseconds, location: location)
    }

    package func createForeignResource(_ name: String, kind: ResourceKind, capacity: Int64, location: LocationID) -> ResourceID {
        recorder.createResource(name: name, kind: kind, capacity: capacity, by: runningTask?.id ?? .none,
                                at: nowNanoseconds, location: location)
    }

    /// The argument of an event that carries a text (a future's error): its string id.
    package func foreignText(_ text: String) -> Int64 { Int64(recorder.intern(text).rawValue) }

    /// A line the other runtime's task printed.
    package func emitForeignOutput(_ text: String, by task: TaskID, location: LocationID = .unknown) {
        emit(.output, text: text, by: task, location: location)
    }

    /// A caption, as `caption(_:)` shows one (left out once someone has intervened).
    package func captionForeign(_ text: String) {
        guard !runEnd.hasIntervention else { return }
        emit(.caption, text: text, by: runningTask?.id ?? .none, location: .unknown)
    }

    /// The location id of a line of a file given at run time.
    package func foreignLocation(fileID: String, line: Int) -> LocationID {
        recorder.location(fileID: fileID, line: line)
    }

    /// Runs `action` between steps once virtual time reaches `deadline` (the other runtime's
    /// timers): it is neither a step nor a choice. A cancelled timer no longer moves the clock.
    package func addForeignTimer(at deadline: Int64, _ action: @escaping () -> Void) -> ForeignTimer {
        let handle = TimerHandle(action)
        addTimer(at: deadline, .cancellable(handle))
        return ForeignTimer(handle: handle)
    }

    /// From now on, where several jobs are ready, the job of the task `next()` names runs first
    /// when it is among them (else the first ready): the other runtime's own ready order, which
    /// the loop follows rather than chooses, so no preemption is recorded and the schedule
    /// stays FIFO's. (asyncio runs a task made ready during its own step behind the others; the
    /// loop would run it when its job came.)
    package func followForeignOrder(_ next: @escaping () -> TaskID?) {
        ready.follow(ForeignOrderPicker(loop: self, next: next))
    }

    /// `action` runs when the loop is closed, before its leftover tasks are cancelled (the other
    /// runtime is stopped first, so its tasks' mirrors end without asking it anything).
    package func onClose(_ action: @escaping () -> Void) { closeActions.append(action) }
}

/// A timer set by `addForeignTimer` (loop thread only).
package struct ForeignTimer {
    let handle: TimerHandle
    package func cancel() { handle.cancel() }
}

/// One task parked by `parkForeign`.
final class ForeignWaitSource: WaitSource {
    let traceResource: ResourceID
    var waiter: TaskRecord?
    init(resource: ResourceID) { traceResource = resource }
    func abandon(_ task: TaskRecord) { if waiter === task { waiter = nil } }
}

/// Picks the job of the task the other runtime runs next (see `Loop.followForeignOrder`).
final class ForeignOrderPicker: SchedulePicker {
    unowned let loop: Loop
    let next: () -> TaskID?

    init(loop: Loop, next: @escaping () -> TaskID?) {
        self.loop = loop
        self.next = next
    }

    func pick(from ready: Deque<ReadyJob>) -> Int {
        guard let task = next(), let record = loop.foreignTasks[task], !record.outcome.isFinished, record.address != 0 else {
            return 0
        }
        let address = record.address
        return ready.firstIndex { JobIdentity.address(of: $0.job) == address } ?? 0
    }
}
