import InterleaveTrace

/// A counting semaphore for tasks on one loop, like `asyncio.Semaphore`: at most N holders.
///
/// Permits pass straight to the longest waiter on release (FIFO). A `bounded` semaphore, like
/// `asyncio.BoundedSemaphore`, refuses a release that would exceed its initial permits.
/// ```swift
/// let downloads = Semaphore("downloads", permits: 3)
/// try await downloads.withPermit { try await fetch(url) }
/// ```
///
/// `release` may be called from any thread: off the loop it takes effect at the loop's next
/// turn, recorded as done from outside its tasks.
// Unchecked: its state is touched only on the loop thread; a release from elsewhere hops onto
// it (`Loop.hopOntoLoop`), acquiring traps off it (`Loop.currentRecord`).
public final class Semaphore: @unchecked Sendable, WaitSource {
    let loop: Loop
    public let resource: ResourceID
    @exclusivity(unchecked) var machine: SemaphoreStateMachine<TaskRecord>

    public init(_ name: String = "semaphore", permits: Int, bounded: Bool = false, on loop: Loop? = nil,
                file: StaticString = #fileID, line: UInt = #line) {
        precondition(permits >= 0, "a semaphore needs a non-negative number of permits")
        self.loop = Loop.forPrimitive(loop, "Semaphore")
        machine = SemaphoreStateMachine(permits: permits, bounded: bounded)
        resource = self.loop.createResource(name, kind: bounded ? .boundedSemaphore : .semaphore,
                                            capacity: Int64(permits), file: file, line: line)
    }

    /// Permits currently held.
    public var inUse: Int { machine.inUse }
    /// Permits free right now.
    public var available: Int { machine.available }

    /// Waits for a permit and takes it.
    public func acquire(file: StaticString = #fileID, line: UInt = #line) async throws {
        let me = loop.currentRecord()
        try loop.checkInterrupt(me)
        if machine.tryAcquire() {
            loop.note(.semaphoreAcquired, by: me, on: resource, arg: Int64(machine.inUse), file: file, line: line)
            return
        }
        loop.noteWait(me, on: resource, .acquire, file: file, line: line)
        try await loop.suspend(me, on: self) { machine.enqueue(me) }
    }

    /// Returns a permit, handing it to the first waiter if there is one.
    ///
    /// Off the loop it returns at once and the permit is returned at the loop's next turn;
    /// releasing a bounded semaphore too often is then recorded as a lint, since nobody is
    /// there to catch the error (asyncio logs a failed `call_soon_threadsafe` callback).
    public func release(file: StaticString = #fileID, line: UInt = #line) throws {
        guard loop.isOnLoopThread else {
            loop.hopOntoLoop { loop in
                do { try self.release(by: nil, file: file, line: line) } catch { loop.lint("\(error) from outside the loop") }
            }
            return
        }
        try release(by: loop.currentRecord(), file: file, line: line)
    }

    /// Returns a permit on the loop thread, for `me` or for code outside the loop's tasks (nil).
    private func release(by me: TaskRecord?, file: StaticString, line: UInt) throws {
        switch machine.release() {
        case .handOff(let next):
            loop.note(.semaphoreReleased, byTaskOrOutside: me, on: resource, arg: Int64(machine.inUse - 1),
                      file: file, line: line)
            loop.noteHandOff(.semaphoreAcquired, to: next, on: resource, arg: Int64(machine.inUse))
            loop.wake(next, by: me?.id ?? .none, source: resource)
        case .returned:
            loop.note(.semaphoreReleased, byTaskOrOutside: me, on: resource, arg: Int64(machine.inUse),
                      file: file, line: line)
        case .overReleased:
            throw SemaphoreError.releasedTooOften(loop.store.resourceName(resource))
        }
    }

    /// Runs `body` holding a permit; returns it however `body` ends.
    public func withPermit<R>(file: StaticString = #fileID, line: UInt = #line,
                              _ body: () async throws -> R) async throws -> R {
        try await acquire(file: file, line: line)
        do {
            let result = try await body()
            try release(file: file, line: line)
            return result
        } catch {
            try? release(file: file, line: line)
            throw error
        }
    }

    var traceResource: ResourceID { resource }
    func abandon(_ task: TaskRecord) { machine.remove(task) }
}

/// Misuse of a bounded semaphore.
public enum SemaphoreError: Error, CustomStringConvertible, Equatable {
    case releasedTooOften(String)
    public var description: String {
        switch self {
        case .releasedTooOften(let name): "BoundedSemaphore \(name) released too many times"
        }
    }
}
