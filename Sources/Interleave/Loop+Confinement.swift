import InterleaveTrace

/// The loop's thread rules, enforced: which thread may touch its state, and what a call from
/// any other thread does instead (hops onto the loop, or traps).
///
/// A loop's state belongs to the thread stepping it. Driver calls (`step`, `runUntilIdle`,
/// `run`, `close`, `reexecute`, and `spawn` or a new primitive from outside) claim the loop for
/// their thread (`LoopDriverClaim`). A primitive's operation called off the loop either hops
/// onto it, as asyncio's `call_soon_threadsafe` does, when it means the same thing a moment
/// later (`Event.set`, `Future.setResult`, `Semaphore.release`, `Queue.putNowait`), or traps
/// when only a task can mean it (`Lock.release`: the holder is a task).
extension Loop {
    /// True on the thread stepping this loop (in a job, or in the driver code between jobs).
    @inline(__always)
    var isOnLoopThread: Bool { CurrentLoop.isBound(to: self) }

    /// Claims this loop for the calling thread and binds it there; pair with `endDriving`.
    /// Traps if another thread drives it, or if called from one of its own jobs.
    @inline(__always)
    func beginDriving(_ api: StaticString) -> Loop? {
        driverClaim.claim(api)
        return CurrentLoop.bind(self)
    }

    /// Undoes `beginDriving`: restores the thread's previous loop and releases the claim.
    @inline(__always)
    func endDriving(restoring previous: Loop?) {
        _ = CurrentLoop.bind(previous)
        driverClaim.release()
    }

    /// Runs `body` on the loop thread: now if this is it, else claimed for the calling thread
    /// when no other thread drives the loop (setting a loop up from a test thread before it runs).
    func onLoopThreadOrClaimed<R>(_ api: StaticString, _ body: () -> R) -> R {
        if isOnLoopThread { return body() }
        let previous = beginDriving(api)
        defer { endDriving(restoring: previous) }
        return body()
    }

    /// Runs `body` at the loop's next turn, from a thread that is not stepping it (the loop
    /// records what it does as done from outside its tasks).
    func hopOntoLoop(_ body: @escaping @Sendable (Loop) -> Void) {
        inbox.post(command: body)
    }

    /// Traps: `api` means something only to a task on this loop, and was called elsewhere.
    func trapOffLoop(_ api: StaticString, _ reason: String) -> Never {
        preconditionFailure("\(api) called off the loop: \(reason)")
    }

    /// Records a resource operation by `task`, or by code outside the loop's tasks when nil (a
    /// call from another thread that hopped onto the loop, or from the driver between jobs).
    @inline(__always)
    func note(_ kind: EventKind, byTaskOrOutside task: TaskRecord?, on resource: ResourceID, arg: Int64 = 0,
              file: StaticString, line: UInt) {
        guard recorder.isEnabled else { return }
        recorder.record(kind, task: task?.id ?? .none, resource: resource, arg: arg, at: nowNanoseconds,
                        location: recorder.location(file, line))
    }
}
