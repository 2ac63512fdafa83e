import InterleaveTrace

/// Structured concurrency: tasks spawned in a scope end before the scope does.
///
/// When a child fails, its siblings are cancelled at once and the scope throws that error
/// after all of them have ended, like `asyncio.TaskGroup` and Swift's `withThrowingTaskGroup`.
/// ```swift
/// try await withTaskScope("downloads") { scope in
///     scope.spawn("a") { try await fetch("a") }
///     scope.spawn("b") { try await fetch("b") }
/// }
/// ```
public func withTaskScope<R>(
    _ name: String = "scope", file: StaticString = #fileID, line: UInt = #line,
    _ body: (TaskScope) async throws -> R
) async throws -> R {
    let loop = requireLoop()
    let group = GroupWatcher(loop: loop, name: name, file: file, line: line)
    let scope = TaskScope(loop: loop, group: group)
    group.onFinish = { [unowned group] task in
        if case .failed = task.outcome, group.firstFailure === task { group.cancelAll(except: task) }
    }
    let result: R
    do {
        result = try await body(scope)
    } catch {
        await group.cancelAndDrain(file: file, line: line)
        throw error
    }
    try await group.waitOrCancelAll(until: .allFinished, file: file, line: line)
    if let failed = group.firstFailure, case .failed(let error) = failed.outcome { throw error }
    return result
}

/// Where a scope's children are spawned (see `withTaskScope`).
public final class TaskScope {
    let loop: Loop
    let group: GroupWatcher

    init(loop: Loop, group: GroupWatcher) {
        self.loop = loop
        self.group = group
    }

    /// Spawns a child task that the scope waits for.
    @discardableResult
    public func spawn<Success: Sendable>(
        _ name: String, file: StaticString = #fileID, line: UInt = #line,
        _ body: @escaping @Sendable () async throws -> Success
    ) -> LoopTask<Success> {
        let task = loop.spawn(name, file: file, line: line, body)
        group.add(task.record)
        return task
    }
}
