import InterleaveTrace

/// The error `withTimeout` throws when the operation took too long (asyncio's `TimeoutError`).
public struct TimeoutError: Error, CustomStringConvertible, Equatable {
    public var limit: Duration
    public var description: String { "TimeoutError: no result within \(formatSeconds(limit.nanoseconds))" }
}

/// Runs `operation` as a child task and cancels it if it takes longer than `limit`,
/// like `asyncio.wait_for`.
///
/// The child is cancelled and awaited before `TimeoutError` is thrown, so whatever it held
/// (a lock in `withLock`, a semaphore permit) has been released by then.
/// ```swift
/// let page = try await withTimeout(.seconds(1)) { try await slowFetch() }
/// ```
public func withTimeout<Success: Sendable>(
    _ limit: Duration, name: String? = nil, file: StaticString = #fileID, line: UInt = #line,
    _ operation: @escaping @Sendable () async throws -> Success
) async throws -> Success {
    let loop = requireLoop()
    let me = loop.currentRecord()
    let child = loop.spawn(name ?? "\(me.name) (timeout \(formatSeconds(limit.nanoseconds)))",
                           file: file, line: line, operation)
    let expired = TimeoutFlag()
    // Unowned, not weak (see `YieldSource`): the loop's own timers hold the handle and fire it.
    let timer = TimerHandle { [unowned loop] in
        guard !child.record.outcome.isFinished else { return }
        expired.value = true
        // The timer fires between jobs; the cancel is the waiting caller's, as in asyncio.wait_for.
        loop.requestCancel(child.record, by: me)
    }
    loop.addTimer(at: loop.nowNanoseconds &+ max(0, limit.nanoseconds), .cancellable(timer))
    // A finished operation calls its timer off, so an idle loop does not jump to the limit.
    defer { timer.cancel() }
    do {
        try await loop.join(child.record, file: file, line: line)
    } catch {
        // The caller was cancelled or faulted: the child goes too, and is awaited before rethrowing.
        loop.requestCancel(child.record)
        await loop.joinShielded(child.record)
        throw error
    }
    if expired.value, case .cancelled = child.record.outcome { throw TimeoutError(limit: limit) }
    return try child.record.get()
}

final class TimeoutFlag {
    var value = false
}
