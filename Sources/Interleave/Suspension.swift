import InterleaveTrace

/// Parking and waking tasks: the one path every traced wait goes through.
extension Loop {
    /// The task whose job is running now. Traced primitives may only be used from loop tasks.
    ///
    /// The thread is checked first: off the loop, `current` belongs to whichever job the loop
    /// thread is running, and reading it would be a data race (and name the wrong task).
    @inline(__always)
    func currentRecord(_ function: StaticString = #function) -> TaskRecord {
        guard isOnLoopThread else {
            trapOffLoop(function, "it must be called from a task running on this loop, on the thread stepping it")
        }
        guard let current = runningTask else {
            preconditionFailure("\(function) must be called from a task running on an Interleave loop (use spawn)")
        }
        return current
    }

    /// Parks `task` on `source` until something wakes it, it is cancelled, or a fault is injected.
    ///
    /// `register` puts the task into the source's waiters; it runs only if the task really parks,
    /// so a wait that is interrupted before it starts leaves no trace in the source.
    @inline(__always)
    func suspend(_ task: TaskRecord, on source: any WaitSource, register: () -> Void) async throws {
        // A spawned task is cancelled only through `requestCancel`, which interrupts its wait
        // itself; only tasks the loop did not create (an `async let`, a group child) can be
        // cancelled behind its back. The handler costs two status-record locks and an executor
        // check per wait, a fifth of a job, so spawned tasks go without it.
        guard task.untracked else {
            return try await park(task, on: source, register: register)
        }
        try await suspendCancellable(task, on: source, register: register)
    }

    /// `suspend` for a task the loop did not create, which may be cancelled behind its back.
    ///
    /// Not inlined: an async function's frame holds every wait inlined into it, and the handler's
    /// doubled every wait's frame, enough to overflow the memory a Swift task starts with (a slab
    /// allocation per task).
    @inline(never)
    private func suspendCancellable(_ task: TaskRecord, on source: any WaitSource, register: () -> Void) async throws {
        try await withTaskCancellationHandler {
            try await park(task, on: source, register: register)
        } onCancel: {
            self.onLoop { loop in
                if task.cancelRequests == task.cancelsDelivered { task.cancelRequests += 1 }
                if task.hasUndeliveredCancel { loop.interrupt(task, with: CancellationError()) }
            }
        }
    }

    @inline(__always)
    private func park(_ task: TaskRecord, on source: any WaitSource, register: () -> Void) async throws {
        try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<Void, any Error>) in
            if let error = takeInterrupt(task) {
                // The wait was recorded but never began: close it in the trace too.
                recorder.record(.taskWaitAbandoned, task: task.id, at: nowNanoseconds)
                continuation.resume(throwing: error)
                return
            }
            register()
            task.continuation = continuation
            task.parkedAt = source
        }
    }

    /// Parks `task` where neither cancellation nor a fault can end the wait (they are kept for
    /// its next wait instead): for waits that code after them relies on, like re-taking a lock.
    func suspendShielded(_ task: TaskRecord, on source: any WaitSource, register: () -> Void) async {
        task.shielded = true
        defer { task.shielded = false }
        try? await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<Void, any Error>) in
            register()
            task.continuation = continuation
            task.parkedAt = source
        }
    }

    /// Resumes a parked task normally; records who woke it.
    func wake(_ task: TaskRecord, by waker: TaskID, source: ResourceID) {
        guard let continuation = task.continuation else { return }
        task.continuation = nil
        task.parkedAt = nil
        task.waitGeneration &+= 1
        recorder.record(.taskWoken, task: task.id, resource: source, arg: Int64(waker.rawValue), at: nowNanoseconds)
        withEnqueueHint(task) { continuation.resume() }
    }

    /// Ends `task`'s wait with `error` if it is parked; otherwise keeps a fault for its next wait.
    func interrupt(_ task: TaskRecord, with error: any Error) {
        guard let continuation = task.continuation, !task.shielded else {
            if !(error is CancellationError), !task.outcome.isFinished { task.pendingFault = error }
            return
        }
        let source = task.parkedAt
        if error is CancellationError { task.cancelsDelivered = task.cancelRequests }
        task.continuation = nil
        task.parkedAt = nil
        task.waitGeneration &+= 1
        source?.abandon(task)
        recorder.record(.taskWoken, task: task.id, resource: source?.traceResource ?? .none,
                        arg: Int64(TaskID.none.rawValue), at: nowNanoseconds)
        withEnqueueHint(task) { continuation.resume(throwing: error) }
    }

    /// The error a task must throw instead of suspending: a pending fault, or its cancellation.
    @inline(__always)
    func takeInterrupt(_ task: TaskRecord) -> (any Error)? {
        // Both live in the uncommon state: a task without one has nothing pending.
        guard let uncommon = task.uncommon else { return nil }
        if let fault = uncommon.pendingFault {
            uncommon.pendingFault = nil
            return fault
        }
        guard uncommon.cancelRequests > uncommon.cancelsDelivered else { return nil }
        uncommon.cancelsDelivered = uncommon.cancelRequests
        return CancellationError()
    }

    @inline(__always)
    func checkInterrupt(_ task: TaskRecord) throws {
        if let error = takeInterrupt(task) { throw error }
    }

    /// Runs `body` on the loop thread: now if this is it, else at the loop's next turn.
    func onLoop(_ body: @escaping @Sendable (Loop) -> Void) {
        if CurrentLoop.loop === self { body(self) } else { inbox.post(command: body) }
    }
}
