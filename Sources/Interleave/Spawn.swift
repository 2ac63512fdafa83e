import InterleaveTrace

/// Creating tasks on the loop and seeing them finish.
extension Loop {
    /// Creates a named task on this loop; it starts at the loop's next step, like `asyncio.create_task`.
    ///
    /// The task's parent is the task that spawns it (none when called from outside the loop).
    /// ```swift
    /// let t = loop.spawn("worker") { try await sleep(for: .seconds(1)); return 42 }
    /// ```
    // Inlinable, and so are the free `spawn` and `SpawnedTaskRecord`'s members, so that the
    // task's value is stored by code specialized for its type in the caller. Unspecialized,
    // storing and reading a `Result<Success, any Error>` looked up its type metadata five times a
    // task (1,700 of 20,000 instructions in spawn_gather). The rest is `spawnRecord`, not generic.
    @inlinable @discardableResult
    public func spawn<Success: Sendable>(
        _ name: String, file: StaticString = #fileID, line: UInt = #line,
        _ body: @escaping @Sendable () async throws -> Success
    ) -> LoopTask<Success> {
        let record = spawnRecord(name, file: file, line: line) { SpawnedTaskRecord(id: $0, name: name, body: body) }
        return LoopTask(record: unsafeDowncast(record, to: SpawnedTaskRecord<Success>.self), inbox: inbox)
    }

    /// `spawn` at an interned location (on the loop's thread, or one driving it).
    func spawn<Success: Sendable>(
        _ name: String, at location: LocationID, _ body: @escaping @Sendable () async throws -> Success
    ) -> LoopTask<Success> {
        let record = spawnRecord(name, at: location) { SpawnedTaskRecord(id: $0, name: name, body: body) }
        return LoopTask(record: unsafeDowncast(record, to: SpawnedTaskRecord<Success>.self), inbox: inbox)
    }

    /// Creates the task whose record `make` makes from its new id (a `SpawnedTaskRecord`, whose
    /// `run` runs the body and stores its value; a failure is stored by `runSpawned`).
    @usableFromInline
    func spawnRecord(
        _ name: String, file: StaticString, line: UInt, make: (TaskID) -> TaskRecord
    ) -> TaskRecord {
        // From outside the loop (a test or a demo setting the run up), the caller drives it for now.
        guard isOnLoopThread else {
            return onLoopThreadOrClaimed("Loop.spawn") { spawnRecord(name, file: file, line: line, make: make) }
        }
        return spawnRecord(name, at: recorder.location(file, line), make: make)
    }

    private func spawnRecord(_ name: String, at location: LocationID, make: (TaskID) -> TaskRecord) -> TaskRecord {
        let parent = runningTaskID ?? .none
        let id = recorder.createTask(name: name, parent: parent, at: nowNanoseconds, location: location)
        let record = make(id)
        registry.register(record)
        // The first task of a run (a new loop's, or the first after `close()`): the run's end,
        // deadlocks, lints and script are its own, not left over from the run before (a second
        // run on a closed loop recorded none of them).
        if !runEnd.isOpen {
            runEnd.begin(with: record)
            failures.beginRun()
        }
        // The task's closure captures nothing: its first job finds its record as the loop's
        // running task (see `runSpawned`). A closure with a context cost an allocation per
        // task, as `Task.init` wraps it in a thunk that holds it.
        let task = withEnqueueHint(record) { Task<Void, Never>(executorPreference: self) { await Loop.runSpawned() } }
        record.swiftTask = .spawned(task)
        registry.bind(record, to: JobIdentity.address(of: task))
        return record
    }

    /// The whole of a spawned task: its body, then its end.
    ///
    /// The job runs on the loop, which found the record by the job's address before running it
    /// (`TaskRegistry.startJob`): the running task is this task, and its `run` is still there.
    static func runSpawned() async {
        guard let record = onRunningLoop({ $0.current }), let run = record.run else {
            preconditionFailure("a spawned task's first job ran without its record as the running task")
        }
        record.run = nil
        do {
            // Failed or cancelled before its first job: it ends there, without running, as
            // an asyncio task cancelled before it starts does (else a body with no await
            // would run to its end as if nothing had been injected).
            try onRunningLoop { try $0.checkInterrupt(record) }
            try await run(record)
            onRunningLoop { $0.finish(record, .returned) }
        } catch {
            record.publish(failure: error)
            onRunningLoop { $0.finish(record, Loop.outcome(ofEscaped: error)) }
        }
    }

    /// The outcome of a task that `error` escaped: asyncio marks a task cancelled whenever
    /// CancelledError escapes it.
    ///
    /// Not inlined, and not async: the test needs a stack slot for a `CancellationError`, whose
    /// size is known only at run time, and in an async function that slot was a task
    /// allocation on every run, thrown or not (144 instructions a spawned task).
    @inline(never)
    static func outcome(ofEscaped error: any Error) -> TaskRecord.Outcome {
        error is CancellationError ? .cancelled : .failed(error)
    }

    /// Calls `body` with the loop running a spawned task's job, read afresh on each side of its
    /// await: a reference kept across it would let a task parked for ever keep its loop alive
    /// (LeakSanitizer found loops leaked so by tests whose waits nothing resumes). Borrowed, not
    /// retained: the thread's binding holds it for the whole job (a retain and a release a call).
    @inline(__always)
    private static func onRunningLoop<R>(_ body: (Loop) throws -> R) rethrows -> R {
        guard let loop = CurrentLoop.unretainedLoop else { preconditionFailure("a spawned task ran off its loop") }
        return try loop._withUnsafeGuaranteedRef(body)
    }

    /// Records a task's end, wakes whoever awaits it and tells its groups.
    func finish(_ task: TaskRecord, _ outcome: TaskRecord.Outcome) {
        task.outcome = outcome
        // When the last spawned task ends, so have the tasks adopted along the way, and they
        // ended first (a structured child ends before its parent).
        if !registry.openAdopted.isEmpty { endAdoptedTasks(with: task) }
        switch outcome {
        case .returned:
            recorder.record(.taskReturned, task: task.id, at: nowNanoseconds)
        case .failed(let error):
            let text = recorder.isEnabled ? recorder.intern(describe(error)) : StringID(0)
            recorder.record(.taskFailed, task: task.id, arg: Int64(text.rawValue), at: nowNanoseconds)
        case .cancelled:
            recorder.record(.taskCancelled, task: task.id, at: nowNanoseconds)
        case .running:
            break
        }
        forget(task)
        if !task.joiners.isEmpty { wakeJoiners(of: task) }
        task.notifyWatchers()
        if task === runEnd.rootTask, registry.liveTaskCount > 0 {
            // asyncio.run would cancel these; here they run on, but nobody waits for them.
            let pending = registry.unfinishedTasks.filter { !$0.untracked }.map(\.name)
            if !pending.isEmpty {
                lint("\(task.name) ended while \(pending.count) task(s) were still pending: "
                    + pending.prefix(5).joined(separator: ", ") + (pending.count > 5 ? ", …" : ""), task: task.id)
            }
        }
        if case .failed(let error) = outcome, !task.outcomeRetrieved, task.untracked == false {
            runEnd.noteFailure(of: task, describe(error))
        }
    }

    /// Wakes the tasks that await `task`, which has finished: its outcome has been seen.
    private func wakeJoiners(of task: TaskRecord) {
        let joiners = task.joiners
        task.joiners = []
        task.outcomeRetrieved = true
        for joiner in joiners { wake(joiner, by: task.id, source: .none) }
    }

    /// Records the end of the adopted tasks that must have completed by now (see
    /// `TaskRegistry.adoptedTasksThatMustHaveEnded`) and forgets them.
    ///
    /// Swift does not tell an executor when a task completes. A task's last job just returns, as
    /// does a job after which it awaits something the loop cannot see (its own child task, a
    /// continuation), and the runtime has no public way to ask a task whether it has completed.
    /// So an adopted task's end is recorded at the first moment it is certain: when the last
    /// spawned task ends, since a structured child (`async let`, a group child) always ends
    /// before its parent. How it ended is not known either: `.taskReturned` stands for "ended".
    /// The adoption lint says both. A task created with `Task(executorPreference:)` is the one
    /// case this reasoning does not cover: one suspended outside the loop at that moment is
    /// taken as ended, and adopted anew should it come back.
    private func endAdoptedTasks(with ending: TaskRecord) {
        let ended = registry.adoptedTasksThatMustHaveEnded(with: ending) { ready.contains(jobAt: $0.address) }
        for task in ended {
            task.outcome = .returned
            recorder.record(.taskReturned, task: task.id, at: nowNanoseconds)
            forget(task)
        }
    }

    /// Forgets a task that has ended, giving back the hold the loop kept on an adopted standard
    /// task (see `adoptStandardTask`).
    private func forget(_ task: TaskRecord) {
        registry.remove(task)
        if !foreignTasks.isEmpty { foreignTasks[task.id] = nil }
        if task.retainedByLoop {
            task.retainedByLoop = false
            RuntimeTaskLayout.release(task.address)
        }
    }

    /// Parks the current task until `task` finishes.
    func join(_ task: TaskRecord, file: StaticString, line: UInt) async throws {
        let me = currentRecord()
        task.outcomeRetrieved = true
        if task.outcome.isFinished {
            try checkInterrupt(me)
            return
        }
        let location = recorder.location(file, line)
        recorder.record(.taskWaiting, task: me.id, arg: TraceEvent.waitArg(.join, awaiting: task.id),
                        at: nowNanoseconds, location: location)
        try await suspend(me, on: task) { task.joiners.append(me) }
        // Nothing was handed over by the wake, so a fault that came while ready is thrown here.
        try checkInterrupt(me)
    }

    /// Waits for `task` to finish whatever interrupts the wait (cleanup after cancelling it).
    func joinShielded(_ task: TaskRecord) async {
        let me = currentRecord()
        while !task.outcome.isFinished {
            recorder.record(.taskWaiting, task: me.id, arg: TraceEvent.waitArg(.join, awaiting: task.id), at: nowNanoseconds)
            await suspendShielded(me, on: task) { task.joiners.append(me) }
        }
    }

    /// Cancels a task on the loop thread, recording who asked: `requester`, or the running task.
    func requestCancel(_ task: TaskRecord, by requester: TaskRecord? = nil) {
        guard !task.outcome.isFinished else { return }
        let asker = requester?.id ?? runningTask?.id ?? .none
        recorder.record(.taskCancelRequested, task: task.id, arg: Int64(asker.rawValue), at: nowNanoseconds)
        task.cancelRequests += 1
        // Swift's flag is set once and for all, so a second cancellation must be delivered here.
        task.swiftTask?.cancel()
        if task.continuation != nil, task.hasUndeliveredCancel { interrupt(task, with: CancellationError()) }
    }

    /// A one-line description of an error for the trace.
    func describe(_ error: any Error) -> String {
        if error is CancellationError { return "CancellationError" }
        let text = String(describing: error)
        return text.isEmpty ? String(reflecting: type(of: error)) : text
    }
}

/// Creates a named task on the current loop; it starts at the loop's next step.
///
/// Must be called from code running on a loop (inside `loop.run`, a spawned task, or a demo).
/// ```swift
/// let task1 = spawn("task1") { try await sleep(for: .seconds(2)) }
/// ```
@inlinable @discardableResult
public func spawn<Success: Sendable>(
    _ name: String, file: StaticString = #fileID, line: UInt = #line,
    _ body: @escaping @Sendable () async throws -> Success
) -> LoopTask<Success> {
    guard let loop = Loop.current else {
        preconditionFailure("spawn(\"\(name)\") was called outside a running Interleave loop: "
            + "create tasks from code the loop runs (asyncio raises 'no running event loop' here)")
    }
    return loop.spawn(name, file: file, line: line, body)
}
