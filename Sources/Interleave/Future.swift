import InterleaveTrace
import Synchronization

/// A value that will be set later by someone, like `asyncio.Future`.
///
/// Any number of tasks can await it; setting a result, an error, or cancelling wakes them all.
/// Setting it twice is a no-op that returns false (asyncio raises InvalidStateError).
/// ```swift
/// let answer = Future<Int>("answer")
/// spawn("solver") { try await sleep(for: .seconds(1)); answer.setResult(42) }
/// let value = try await answer.value()
/// ```
///
/// `setResult`, `setError` and `cancel` may be called from any thread: the first call wins at
/// once (its return value is exact), and off the loop the future is resolved at the loop's next
/// turn, recorded as done from outside its tasks (like asyncio's `call_soon_threadsafe`).
// Unchecked: its state is touched only on the loop thread; setters from elsewhere claim the
// atomic `resolutionClaimed` and hop onto the loop, awaiting traps off it (`Loop.currentRecord`).
public final class Future<Success: Sendable>: @unchecked Sendable, WaitSource {
    let loop: Loop
    public let resource: ResourceID
    @exclusivity(unchecked) private(set) var outcome: Result<Success, any Error>?
    /// Set by the first setter on any thread: later ones return false even before the first
    /// has reached the loop.
    private let resolutionClaimed = Atomic<Bool>(false)
    @exclusivity(unchecked) var waiters: [TaskRecord] = []

    public init(_ name: String = "future", on loop: Loop? = nil, file: StaticString = #fileID, line: UInt = #line) {
        self.loop = Loop.forPrimitive(loop, "Future")
        resource = self.loop.createResource(name, kind: .future, file: file, line: line)
    }

    /// True once a result, an error or a cancellation was set.
    public var isDone: Bool { outcome != nil }

    /// Waits for the future and returns its result, or throws its error.
    public func value(file: StaticString = #fileID, line: UInt = #line) async throws -> Success {
        let me = loop.currentRecord()
        try loop.checkInterrupt(me)
        if outcome == nil {
            loop.noteWait(me, on: resource, .result, file: file, line: line)
            try await loop.suspend(me, on: self) { waiters.append(me) }
        }
        guard let outcome else { throw CancellationError() }
        return try outcome.get()
    }

    /// Resolves the future with a value; false if it was already done.
    @discardableResult
    public func setResult(_ value: Success, file: StaticString = #fileID, line: UInt = #line) -> Bool {
        complete(.success(value), kind: .futureResolved, file: file, line: line)
    }

    /// Fails the future with an error; false if it was already done.
    @discardableResult
    public func setError(_ error: any Error, file: StaticString = #fileID, line: UInt = #line) -> Bool {
        complete(.failure(error), kind: .futureFailed, file: file, line: line)
    }

    /// Cancels the future: its waiters get `CancellationError`; false if it was already done.
    @discardableResult
    public func cancel(file: StaticString = #fileID, line: UInt = #line) -> Bool {
        complete(.failure(CancellationError()), kind: .futureCancelled, file: file, line: line)
    }

    private func complete(_ result: Result<Success, any Error>, kind: EventKind,
                          file: StaticString, line: UInt) -> Bool {
        guard resolutionClaimed.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged else {
            return false
        }
        if loop.isOnLoopThread {
            resolve(result, kind: kind, file: file, line: line)
        } else {
            loop.hopOntoLoop { _ in self.resolve(result, kind: kind, file: file, line: line) }
        }
        return true
    }

    /// Stores the outcome and wakes every waiter; on the loop thread, once.
    private func resolve(_ result: Result<Success, any Error>, kind: EventKind, file: StaticString, line: UInt) {
        outcome = result
        var text: Int64 = 0
        if case .failure(let error) = result, kind == .futureFailed, loop.recorder.isEnabled {
            text = Int64(loop.recorder.intern(loop.describe(error)).rawValue)
        }
        let me = loop.runningTask
        loop.note(kind, byTaskOrOutside: me, on: resource, arg: text, file: file, line: line)
        let woken = waiters
        waiters = []
        for task in woken { loop.wake(task, by: me?.id ?? .none, source: resource) }
    }

    var traceResource: ResourceID { resource }
    func abandon(_ task: TaskRecord) { waiters.removeAll { $0 === task } }
}
