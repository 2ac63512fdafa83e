/// One thing that happened on the loop, in 32 bytes.
///
/// Events are plain values so that a trace of millions stays compact in memory and on disk.
/// ```swift
/// let e = TraceEvent(time: 1_000_000_000, kind: .taskReturned, task: TaskID(2))
/// ```
public struct TraceEvent: Sendable, Equatable {
    /// Virtual time in nanoseconds since the loop started.
    public var time: Int64
    /// Kind-specific payload (see `EventKind`).
    public var arg: Int64
    public var task: TaskID
    public var resource: ResourceID
    /// Index of the previous event with the same `task`, or `UInt32.max`: each task's history is a chain.
    public var previousOfTask: UInt32
    public var location: LocationID
    public var kind: EventKind

    public init(
        time: Int64, kind: EventKind, task: TaskID = .none, resource: ResourceID = .none,
        arg: Int64 = 0, location: LocationID = .unknown, previousOfTask: UInt32 = .max
    ) {
        self.time = time
        self.arg = arg
        self.task = task
        self.resource = resource
        self.previousOfTask = previousOfTask
        self.location = location
        self.kind = kind
    }

    /// The packed wait reason of a `taskWaiting` event.
    public var waitReason: WaitReason { WaitReason(rawValue: UInt8(truncatingIfNeeded: arg >> 32)) ?? .wait }
    /// The awaited task of a `taskWaiting` join, or `.none`.
    public var awaitedTask: TaskID { TaskID(rawValue: UInt32(truncatingIfNeeded: arg)) }
    /// `arg` read as a task (waker, holder, parent).
    public var argTask: TaskID { TaskID(rawValue: UInt32(truncatingIfNeeded: arg)) }

    /// Packs a wait reason and an awaited task into an arg.
    public static func waitArg(_ reason: WaitReason, awaiting task: TaskID = .none) -> Int64 {
        Int64(reason.rawValue) << 32 | Int64(task.rawValue)
    }
}

/// Nanoseconds per second, for virtual-time arithmetic.
public let nanosecondsPerSecond: Int64 = 1_000_000_000

/// Formats virtual nanoseconds as seconds with millisecond precision, e.g. "2.000s".
public func formatSeconds(_ nanoseconds: Int64) -> String {
    let negative = nanoseconds < 0
    // The magnitude, unsigned: abs(Int64.min) and Int64.max + 500,000 would trap, and trace
    // files may hold any time.
    let magnitude = nanoseconds.magnitude
    let ms = magnitude / 1_000_000 + (magnitude % 1_000_000 >= 500_000 ? 1 : 0)
    let whole = ms / 1000, frac = ms % 1000
    let fracText = String(frac)
    return (negative ? "-" : "") + "\(whole)." + String(repeating: "0", count: 3 - fracText.count) + fracText + "s"
}
