import InterleaveTrace

/// A point in a loop's virtual time.
public struct VirtualInstant: InstantProtocol, Sendable, CustomStringConvertible {
    /// Nanoseconds since the loop started.
    public var offset: Duration
    public init(offset: Duration) { self.offset = offset }
    public func advanced(by duration: Duration) -> VirtualInstant { VirtualInstant(offset: offset + duration) }
    public func duration(to other: VirtualInstant) -> Duration { other.offset - offset }
    public static func < (lhs: VirtualInstant, rhs: VirtualInstant) -> Bool { lhs.offset < rhs.offset }
    public var description: String { formatSeconds(offset.nanoseconds) }
}

/// The loop's virtual clock, usable wherever Swift takes a `Clock`.
///
/// Sleeping on it parks the task on the loop's timer heap; when nothing else is ready the loop
/// jumps straight to the next deadline, so an hour of virtual time takes milliseconds.
/// ```swift
/// try await Task.sleep(for: .seconds(3), clock: loop.clock)
/// ```
public struct VirtualClock: Clock, Sendable {
    public typealias Instant = VirtualInstant
    let loop: Loop

    public var now: VirtualInstant { VirtualInstant(offset: loop.now) }
    public var minimumResolution: Duration { .nanoseconds(1) }

    public func sleep(until deadline: VirtualInstant, tolerance: Duration?) async throws {
        try await loop.sleep(until: deadline.offset.nanoseconds, location: .unknown)
    }
}

extension Loop {
    /// This loop's virtual clock.
    public var clock: VirtualClock { VirtualClock(loop: self) }
}

/// Suspends the current task for `duration` of the loop's virtual time, like `asyncio.sleep`.
///
/// A zero duration yields to the other ready tasks, as `asyncio.sleep(0)` does.
/// ```swift
/// try await sleep(for: .seconds(1))
/// ```
public func sleep(for duration: Duration, file: StaticString = #fileID, line: UInt = #line) async throws {
    let loop = requireLoop()
    let deadline = loop.nowNanoseconds &+ max(0, duration.nanoseconds)
    try await loop.sleep(until: deadline, location: loop.recorder.location(file, line))
}

/// Yields to the other ready tasks (`asyncio.sleep(0)`).
public func yield(file: StaticString = #fileID, line: UInt = #line) async throws {
    let loop = requireLoop()
    try await loop.yieldNow(loop.currentRecord(), location: loop.recorder.location(file, line))
}

/// The current loop, or a clear stop when a traced primitive is used off the loop.
@inline(__always)
func requireLoop(_ function: StaticString = #function) -> Loop {
    guard let loop = Loop.current else {
        preconditionFailure("\(function) must run on an Interleave loop (spawn the code that calls it)")
    }
    return loop
}
