import InterleaveTrace
import Synchronization

/// A spawned task's record, with its body until it runs and its typed value once it returns:
/// what `spawn` makes, and what a `LoopTask` handle holds. Its value is readable from any thread
/// once published (see `TaskRecord.isPublished`).
///
/// One object a task: a record and a separate result box were two allocations a task.
/// The value is kept as an array of at most one, not as an `Optional` or a `Result`: this
/// class's deinit is never specialized, and destroying an array takes one release, where an
/// `Optional<Success>` would look its type metadata up first.
// Inlinable members, so that storing and reading the value is code specialized for its type in
// the caller: unspecialized, a `Result<Success, any Error>` looked up its type metadata five
// times a task. The record's `run` is a closure made here for the same reason: a method
// overridden in this generic class would run unspecialized.
@usableFromInline
final class SpawnedTaskRecord<Success: Sendable>: TaskRecord, @unchecked Sendable {
    @exclusivity(unchecked) @usableFromInline var values: ContiguousArray<Success> = []
    /// The task's body until it runs.
    @exclusivity(unchecked) @usableFromInline var body: (@Sendable () async throws -> Success)?

    @inlinable
    init(id: TaskID, name: String, body: @escaping @Sendable () async throws -> Success) {
        self.body = body
        super.init(id: id, name: name)
        run = Self.runner()
    }

    /// The function `run` holds. It captures nothing (the record is its argument): a closure with
    /// a context is called through a forwarder, which allocated a frame more a task. A literal
    /// typed by this signature runs on its caller's executor, where one formed in `init` ran on
    /// its own and was converted, a hop more a task.
    @inlinable
    static func runner() -> @Sendable (TaskRecord) async throws -> Void {
        { record in try await unsafeDowncast(record, to: SpawnedTaskRecord.self).runBody() }
    }

    override func dropBody() {
        body = nil
        super.dropBody()
    }

    /// Runs the body, once, and stores its value.
    @inlinable
    func runBody() async throws {
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
