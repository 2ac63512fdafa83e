import InterleaveTrace

/// A condition variable bound to a `Lock`, like `asyncio.Condition`.
///
/// `wait` releases the lock, waits for a notification and takes the lock back before it
/// returns, even when the wait ends by cancellation or fault (as asyncio does), so code after
/// it always holds the lock.
/// ```swift
/// let cond = Condition("has items")
/// try await cond.withLock {
///     while items.isEmpty { try await cond.wait() }
/// }
/// ```
///
/// Notifying needs the condition's lock, which only a task on the loop can hold, so `notify`
/// and `notifyAll` trap off the loop (as waiting does).
// Unchecked: its state is touched only on the loop thread; calls from elsewhere trap
// (`Loop.currentRecord`, `Loop.trapOffLoop`).
public final class Condition: @unchecked Sendable, WaitSource {
    let loop: Loop
    public let lock: Lock
    public let resource: ResourceID
    @exclusivity(unchecked) var waiters: [TaskRecord] = []

    public init(_ name: String = "condition", lock: Lock? = nil, on loop: Loop? = nil,
                file: StaticString = #fileID, line: UInt = #line) {
        self.loop = Loop.forPrimitive(loop, "Condition")
        self.lock = lock ?? Lock("\(name).lock", on: self.loop, file: file, line: line)
        resource = self.loop.createResource(name, kind: .condition, file: file, line: line)
    }

    /// Runs `body` holding the condition's lock.
    public func withLock<R>(file: StaticString = #fileID, line: UInt = #line,
                            _ body: () async throws -> R) async throws -> R {
        try await lock.withLock(file: file, line: line, body)
    }

    /// Releases the lock, waits to be notified, then re-acquires the lock.
    public func wait(file: StaticString = #fileID, line: UInt = #line) async throws {
        let me = loop.currentRecord()
        try loop.checkInterrupt(me)
        lock.release(file: file, line: line)
        loop.noteWait(me, on: resource, .notify, file: file, line: line)
        var failure: (any Error)?
        do {
            try await loop.suspend(me, on: self) { waiters.append(me) }
        } catch {
            failure = error
        }
        try await reacquire(me, file: file, line: line)
        if let failure { throw failure }
    }

    /// Waits until `predicate` holds, re-checking after each notification.
    public func wait(for predicate: () -> Bool, file: StaticString = #fileID, line: UInt = #line) async throws {
        while !predicate() { try await wait(file: file, line: line) }
    }

    /// Wakes up to `count` waiters.
    public func notify(_ count: Int = 1, file: StaticString = #fileID, line: UInt = #line) {
        guard loop.isOnLoopThread else { trapOffLoop("Condition.notify") }
        let n = min(count, waiters.count)
        let woken = waiters.prefix(n)
        waiters.removeFirst(n)
        if let me = loop.runningTask { loop.note(.conditionNotified, by: me, on: resource, arg: Int64(n), file: file, line: line) }
        for task in woken { loop.wake(task, by: loop.runningTask?.id ?? .none, source: resource) }
    }

    /// Wakes every waiter.
    public func notifyAll(file: StaticString = #fileID, line: UInt = #line) {
        guard loop.isOnLoopThread else { trapOffLoop("Condition.notifyAll") }
        notify(waiters.count, file: file, line: line)
    }

    /// Takes the lock back, shielded from cancellation: the caller's code expects to hold it.
    private func reacquire(_ me: TaskRecord, file: StaticString, line: UInt) async throws {
        if lock.machine.tryAcquire(me) {
            loop.note(.lockAcquired, by: me, on: lock.resource, arg: Int64(me.id.rawValue), file: file, line: line)
            return
        }
        loop.noteWait(me, on: lock.resource, .acquire, file: file, line: line)
        await loop.suspendShielded(me, on: lock) { lock.machine.enqueue(me) }
    }

    private func trapOffLoop(_ api: StaticString) -> Never {
        loop.trapOffLoop(api, "notifying needs the condition's lock held, and only a task running on the loop can hold it")
    }

    var traceResource: ResourceID { resource }
    func abandon(_ task: TaskRecord) { waiters.removeAll { $0 === task } }
}
