import InterleaveTrace
import Synchronization

/// A handle to a task running on a loop: await its value, cancel it, see its id.
///
/// ```swift
/// let fetch = spawn("fetch") { try await download() }
/// let page = try await fetch.value     // traced as "main awaits fetch"
/// fetch.cancel()
/// ```
public struct LoopTask<Success: Sendable>: Sendable {
    // Usable from inlinable code so that `gather` over an array specializes in the caller: in
    // unspecialized code every element access looked up `LoopTask<Success>`'s metadata.
    @usableFromInline let record: TaskRecord
    @usableFromInline let box: ResultBox<Success>
    /// The loop's inbox, not the loop: a handle may outlive its loop (kept in a test, sent to
    /// another thread), and using it then must be a clear error or nothing, not a read of freed
    /// memory. The inbox outlives the loop and knows when it is gone. (A weak reference to the
    /// loop would give it a side table, and every retain and release of the loop would take the
    /// runtime's slow path: 1,500 instructions a task in spawn_gather.)
    @usableFromInline let inbox: Inbox

    @usableFromInline
    init(record: TaskRecord, box: ResultBox<Success>, inbox: Inbox) {
        self.record = record
        self.box = box
        self.inbox = inbox
    }

    /// The task's id in the trace.
    public var id: TaskID { record.id }
    /// The name given at spawn.
    public var name: String { record.name }

    /// Waits for the task to finish and returns its value, or throws its error.
    ///
    /// Awaiting a task that failed or was cancelled rethrows (`CancellationError` when cancelled),
    /// as awaiting an asyncio task does.
    public var value: Success {
        get async throws { try await value(file: #fileID, line: #line) }
    }

    /// Like `value`, with the caller's source location recorded.
    public func value(file: StaticString = #fileID, line: UInt = #line) async throws -> Success {
        guard let loop = Loop.current, loop.inbox === inbox else {
            // Off its loop: an outcome already there (or a loop gone, whose tasks ended with it)
            // is given as it is; waiting for one would need the loop.
            if isFinished || inbox.loopIsGone { return try box.get() }
            preconditionFailure("LoopTask.value (\(record.name)) must be awaited from a task of the loop that spawned it")
        }
        try await loop.join(record, file: file, line: line)
        return try box.get()
    }

    /// Asks the task to stop: its current or next wait throws `CancellationError`. Nothing
    /// happens once its loop is gone (its tasks ended with it).
    public func cancel() {
        let record = record
        if let loop = Loop.current, loop.inbox === inbox {
            loop.requestCancel(record)
        } else if !inbox.loopIsGone {
            inbox.post(command: { loop in loop.requestCancel(record) })
        }
    }

    /// True once the task has returned, failed or been cancelled. Safe from any thread.
    public var isFinished: Bool { box.isPublished.load(ordering: .acquiring) }

    /// The outcome once finished: its value or its error; `nil` while it runs. Safe from any
    /// thread: a thread that sees it sees the whole outcome.
    public var result: Result<Success, any Error>? { box.result }
}

/// The untyped half of a task's outcome: whether it has one, and the failure if it failed.
/// Readable from any thread.
// Unchecked: the outcome is written once, on the loop thread, before `isPublished` is set with
// release ordering; it is read only after an acquiring load of `isPublished` saw it set.
@usableFromInline
class OutcomeBox: @unchecked Sendable {
    @usableFromInline let isPublished = Atomic<Bool>(false)
    @exclusivity(unchecked) @usableFromInline var failure: (any Error)?

    @usableFromInline init() {}

    /// Stores the task's failure and makes it visible to every thread; called once.
    func publish(failure: any Error) {
        self.failure = failure
        dropBody()
        isPublished.store(true, ordering: .releasing)
    }

    /// Lets go of the task's body, which a task that fails before it runs never takes: what the
    /// body captures (primitives, which hold the loop) must not live on with the box.
    func dropBody() {}
}

/// Where a task's typed result waits for whoever awaits it, readable from any thread.
///
/// The value is kept as an array of at most one, not as an `Optional` or a `Result`: this
/// class's deinit is never specialized, and destroying an array takes one release, where an
/// `Optional<Success>` would look its type metadata up first.
@usableFromInline
final class ResultBox<Success: Sendable>: OutcomeBox, @unchecked Sendable {
    @exclusivity(unchecked) @usableFromInline var values: ContiguousArray<Success> = []
    /// The task's body until it runs. Kept here, so that the closure the task runs captures the
    /// box alone and the box is its context: a closure capturing the box and the body needed a
    /// context of its own, an allocation per task.
    @exclusivity(unchecked) @usableFromInline var body: (@Sendable () async throws -> Success)?

    @inlinable init(body: @escaping @Sendable () async throws -> Success) {
        self.body = body
    }

    override func dropBody() { body = nil }

    /// Runs the body, once, and stores its value.
    @inlinable
    func run() async throws {
        let body = self.body.unsafelyUnwrapped
        self.body = nil
        publish(value: try await body())
    }

    /// Stores the task's value and makes it visible to every thread; called once.
    @inlinable
    func publish(value: Success) {
        // Void, the commonest, is not stored: there is nothing in it (an array of one cost an
        // allocation per task).
        if Success.self != Void.self { values.append(value) }
        isPublished.store(true, ordering: .releasing)
    }

    /// The outcome, once published.
    @inlinable
    var result: Result<Success, any Error>? {
        guard isPublished.load(ordering: .acquiring) else { return nil }
        if let failure { return .failure(failure) }
        return .success(storedValue)
    }

    @inlinable
    func get() throws -> Success {
        guard isPublished.load(ordering: .acquiring) else { throw CancellationError() }
        if let failure { throw failure }
        return storedValue
    }

    @inlinable
    var storedValue: Success { Success.self == Void.self ? () as! Success : values[0] }
}
