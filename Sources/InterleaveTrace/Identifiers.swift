/// A task's number within one trace, dense from zero in order of creation.
///
/// ```swift
/// let main = TaskID(0)
/// print(main)   // "#0"
/// ```
public struct TaskID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public init(_ index: Int) { self.rawValue = UInt32(truncatingIfNeeded: index) }

    /// Marks "no task" in event fields that have no task (the loop itself, a timer).
    // Computed and inlinable, not a `static let`: another module reads a `static let` through a
    // call that checks its one-time initialization (swift_once), twice a task on the loop.
    @inlinable public static var none: TaskID { TaskID(rawValue: .max) }

    public var index: Int { Int(rawValue) }
    public var isNone: Bool { rawValue == .max }
    public static func < (lhs: TaskID, rhs: TaskID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { isNone ? "-" : "#\(rawValue)" }
}

/// A resource's number within one trace (lock, semaphore, event, queue, future, group…), dense from zero.
///
/// ```swift
/// let firstLock = ResourceID(0)
/// ```
public struct ResourceID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public init(_ index: Int) { self.rawValue = UInt32(truncatingIfNeeded: index) }

    /// Marks events that concern no resource (computed and inlinable, as `TaskID.none` is).
    @inlinable public static var none: ResourceID { ResourceID(rawValue: .max) }

    public var index: Int { Int(rawValue) }
    public var isNone: Bool { rawValue == .max }
    public static func < (lhs: ResourceID, rhs: ResourceID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { isNone ? "-" : "r\(rawValue)" }
}

/// An interned source location (file and line) within one trace; zero means unknown.
public struct LocationID: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    /// Computed and inlinable, as `TaskID.none` is.
    @inlinable public static var unknown: LocationID { LocationID(rawValue: 0) }
}

/// An interned string (printed text, error description, caption) within one trace.
public struct StringID: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public init(_ index: Int) { self.rawValue = UInt32(truncatingIfNeeded: index) }
    public var index: Int { Int(rawValue) }
}
