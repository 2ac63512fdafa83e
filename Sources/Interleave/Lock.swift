import InterleaveTrace

/// A mutual-exclusion lock for tasks on one loop, like `asyncio.Lock`, FIFO-fair.
///
/// On release the lock passes straight to the longest waiter, so a task that arrives later can
/// never barge ahead (asyncio achieves the same fairness by waking the first waiter).
/// Prefer `withLock`, which releases on error and on cancellation.
/// ```swift
/// let lock = Lock("L")
/// try await lock.withLock {
///     print("Locked section")
///     try await sleep(for: .seconds(2))
/// }
/// ```
///
/// Only a task on the lock's loop can hold it, so `acquire` and `release` trap off the loop.
// Unchecked: its state is touched only on the loop thread; calls from elsewhere trap
// (`Loop.currentRecord`, `Loop.trapOffLoop`).
public final class Lock: @unchecked Sendable, WaitSource {
    let loop: Loop
    public let resource: ResourceID
    @exclusivity(unchecked) var machine = LockStateMachine<TaskRecord>()

    public init(_ name: String = "lock", on loop: Loop? = nil, file: StaticString = #fileID, line: UInt = #line) {
        self.loop = Loop.forPrimitive(loop, "Lock")
        resource = self.loop.createResource(name, kind: .lock, file: file, line: line)
    }

    /// True while some task holds the lock.
    public var isLocked: Bool { machine.holder != nil }

    /// Waits until the lock is free, then takes it.
    public func acquire(file: StaticString = #fileID, line: UInt = #line) async throws {
        let me = loop.currentRecord()
        try loop.checkInterrupt(me)
        if machine.tryAcquire(me) {
            loop.note(.lockAcquired, by: me, on: resource, arg: Int64(me.id.rawValue), file: file, line: line)
            return
        }
        loop.noteWait(me, on: resource, .acquire, file: file, line: line)
        try await loop.suspend(me, on: self) { machine.enqueue(me) }
    }

    /// Releases the lock, handing it to the first waiter if there is one.
    public func release(file: StaticString = #fileID, line: UInt = #line) {
        guard loop.isOnLoopThread else {
            loop.trapOffLoop("Lock.release", "a lock is held by a task, and only that task, running on the loop, "
                + "can release it")
        }
        let me = loop.currentRecord()
        switch machine.release() {
        case .handOff(let next):
            loop.note(.lockReleased, by: me, on: resource, file: file, line: line)
            loop.noteHandOff(.lockAcquired, to: next, on: resource, arg: Int64(next.id.rawValue))
            loop.wake(next, by: me.id, source: resource)
        case .unlocked:
            loop.note(.lockReleased, by: me, on: resource, file: file, line: line)
        case .notLocked:
            loop.lint("\(me.name) released \(loop.store.resourceName(resource)), which was not locked", task: me.id)
        }
    }

    /// Runs `body` holding the lock; releases it however `body` ends.
    public func withLock<R>(file: StaticString = #fileID, line: UInt = #line,
                            _ body: () async throws -> R) async throws -> R {
        try await acquire(file: file, line: line)
        do {
            let result = try await body()
            release(file: file, line: line)
            return result
        } catch {
            release(file: file, line: line)
            throw error
        }
    }

    var traceResource: ResourceID { resource }
    func abandon(_ task: TaskRecord) { machine.remove(task) }
    func blockers(of task: TaskRecord) -> [TaskRecord] { machine.holder.map { [$0] } ?? [] }
}
