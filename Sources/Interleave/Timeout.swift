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
    loop.addTimer(at: loop.nowNanoseconds &+ max(0, limit.nanoseconds), .run { [weak loop] in
        guard let loop, !child.record.outcome.isFinished else { return }
        expired.value = true
        loop.requestCancel(child.record)
    })
    do {
        try await loop.join(child.record, file: file, line: line)
    } catch {
        loop.requestCancel(child.record)
        throw error
    }
    if expired.value, case .cancelled = child.record.outcome { throw TimeoutError(limit: limit) }
    return try child.box.get()
}

final class TimeoutFlag: @unchecked Sendable {
    var value = false
}
