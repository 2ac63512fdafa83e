import InterleaveTrace

/// A value that will be set later by someone, like `asyncio.Future`.
///
/// Any number of tasks can await it; setting a result, an error, or cancelling wakes them all.
/// Setting it twice is a no-op that returns false (asyncio raises InvalidStateError).
/// ```swift
/// let answer = Future<Int>("answer")
/// spawn("solver") { try await sleep(for: .seconds(1)); answer.setResult(42) }
/// let value = try await answer.value()
/// ```
public final class Future<Success: Sendable>: @unchecked Sendable, WaitSource {
    let loop: Loop
    public let resource: ResourceID
    private(set) var outcome: Result<Success, any Error>?
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
        complete(.success(value), kind: .futureResolved, arg: 0, file: file, line: line)
    }

    /// Fails the future with an error; false if it was already done.
    @discardableResult
    public func setError(_ error: any Error, file: StaticString = #fileID, line: UInt = #line) -> Bool {
        let text = loop.recorder.isEnabled ? Int64(loop.recorder.intern(loop.describe(error)).rawValue) : 0
        return complete(.failure(error), kind: .futureFailed, arg: text, file: file, line: line)
    }

    /// Cancels the future: its waiters get `CancellationError`; false if it was already done.
    @discardableResult
    public func cancel(file: StaticString = #fileID, line: UInt = #line) -> Bool {
        complete(.failure(CancellationError()), kind: .futureCancelled, arg: 0, file: file, line: line)
    }

    private func complete(_ result: Result<Success, any Error>, kind: EventKind, arg: Int64,
                          file: StaticString, line: UInt) -> Bool {
        guard outcome == nil else { return false }
        outcome = result
        let me = loop.runningTask
        if let me { loop.note(kind, by: me, on: resource, arg: arg, file: file, line: line) }
        let woken = waiters
        waiters = []
        for task in woken { loop.wake(task, by: me?.id ?? .none, source: resource) }
        return true
    }

    var traceResource: ResourceID { resource }
    func abandon(_ task: TaskRecord) { waiters.removeAll { $0 === task } }
}
