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
    @usableFromInline let record: SpawnedTaskRecord<Success>
    /// The loop's inbox, not the loop: a handle may outlive its loop (kept in a test, sent to
    /// another thread), and using it then must be a clear error or nothing, not a read of freed
    /// memory. The inbox outlives the loop and knows when it is gone. (A weak reference to the
    /// loop would give it a side table, and every retain and release of the loop would take the
    /// runtime's slow path: 1,500 instructions a task in spawn_gather.)
    @usableFromInline let inbox: Inbox

    @usableFromInline
    init(record: SpawnedTaskRecord<Success>, inbox: Inbox) {
        self.record = record
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
            if isFinished || inbox.loopIsGone { return try record.get() }
            preconditionFailure("LoopTask.value (\(record.name)) must be awaited from a task of the loop that spawned it")
        }
        try await loop.join(record, file: file, line: line)
        return try record.get()
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
    public var isFinished: Bool { record.isPublished.load(ordering: .acquiring) }

    /// The outcome once finished: its value or its error; `nil` while it runs. Safe from any
    /// thread: a thread that sees it sees the whole outcome.
    public var result: Result<Success, any Error>? { record.result }
}
