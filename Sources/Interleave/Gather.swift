import InterleaveTrace

/// Waits for every task and returns their values in order, like `asyncio.gather`.
///
/// As in asyncio, the first error (or cancellation) of a task is thrown to the caller at once
/// and the other tasks keep running: nobody awaits them any more, but they finish. For the
/// structured behaviour, where the first failure cancels the siblings and nothing outlives the
/// caller, use `withTaskScope` (`asyncio.TaskGroup`). If the caller itself is cancelled or
/// fails while it waits, the tasks are cancelled, as cancelling an asyncio gather cancels them.
/// ```swift
/// let (a, b) = try await gather(spawn("task1") { 1 }, spawn("task2") { "two" })
/// ```
public func gather<each Success: Sendable>(
    _ tasks: repeat LoopTask<each Success>, file: StaticString = #fileID, line: UInt = #line
) async throws -> (repeat each Success) {
    var records: [TaskRecord] = []
    for task in repeat each tasks { records.append(task.record) }
    try await gatherAll(records, file: file, line: line)
    return (repeat try (each tasks).record.get())
}

/// Waits for every task in an array and returns their values in order (see the variadic form).
@inlinable
public func gather<Success: Sendable>(
    _ tasks: [LoopTask<Success>], file: StaticString = #fileID, line: UInt = #line
) async throws -> [Success] {
    try await gatherAll(tasks.map(\.record), file: file, line: line)
    return try tasks.map { try $0.record.get() }
}

/// Waits for every task and returns each outcome, values and errors side by side, like
/// `asyncio.gather(..., return_exceptions=True)`: one failure does not disturb the others.
/// ```swift
/// let results = try await gather(tasks, returnExceptions: true)
/// for case .failure(let error) in results { print("failed: \(error)") }
/// ```
public func gather<Success: Sendable>(
    _ tasks: [LoopTask<Success>], returnExceptions: Bool, file: StaticString = #fileID, line: UInt = #line
) async throws -> [Result<Success, any Error>] {
    if !returnExceptions { return try await gather(tasks, file: file, line: line).map { .success($0) } }
    let loop = requireLoop()
    let group = GroupWatcher(loop: loop, name: "gather(\(tasks.count))", file: file, line: line)
    for task in tasks { group.add(task.record) }
    try await group.waitOrCancelAll(until: .allFinished, file: file, line: line)
    return tasks.map { task in Result { try task.record.get() } }
}

/// The shared core: wait for all, or until the first task fails or is cancelled, and throw that.
@usableFromInline
func gatherAll(_ records: [TaskRecord], file: StaticString, line: UInt) async throws {
    let loop = requireLoop()
    let group = GroupWatcher(loop: loop, name: "gather(\(records.count))", file: file, line: line)
    group.addAll(records)
    // If the gathering task itself is cancelled or faulted, its children go with it.
    try await group.waitOrCancelAll(until: .allFinishedOrOneEndedBadly, file: file, line: line)
    // Whichever ended badly first decides; the rest run on, as asyncio's gather leaves them.
    switch group.firstEndedBadly?.outcome {
    case .failed(let error): throw error
    // asyncio treats a cancelled child as if it raised CancelledError.
    case .cancelled: throw CancellationError()
    case .returned, .running, nil: return
    }
}
