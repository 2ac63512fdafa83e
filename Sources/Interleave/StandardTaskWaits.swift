/// What a suspended standard Swift task waits on, read from its dependency status record
/// (`TaskDependencyStatusRecord`, see `RuntimeTaskLayout`).
///
/// Meant for the moment after an adopted task's job returned without it completing, being
/// queued again or sleeping: it is then suspended, and the runtime keeps one dependency record
/// for it saying why. Not wired into the trace here.
/// ```swift
/// if let wait = StandardTaskWaits.dependency(ofTaskAt: record.address) { … }   // .continuation, .actor(…)…
/// ```
enum StandardTaskWaits {
    /// What the task waits on.
    enum Wait: Equatable, Sendable {
        /// The value of another task (`await task.value`, an `async let`): that task's address,
        /// the address its jobs carry.
        case task(address: UInt)
        /// A continuation: `withCheckedContinuation`, `AsyncStream`'s `next()`, a sleep's
        /// cancellation handler, and every suspension built on them.
        case continuation
        /// The next result of a task group (`group.next()`, `waitForAll`, leaving the group).
        case group(address: UInt)
        /// Queued to enter an actor that is busy (or on another serial executor): the actor's
        /// (or executor's) type name and object address.
        case actor(typeName: String, address: UInt)
        /// Queued on an executor with no identity of its own (a generic executor).
        case executor
    }

    /// Whether waits can be read: the layout reads are on and the self-test read a
    /// continuation wait and a task wait right.
    static var isAvailable: Bool {
        RuntimeTaskLayout.measured != nil && LayoutSelfTest.dependencyReadsVerified.load(ordering: .relaxed)
    }

    /// The dependency of the task at `address`, or nil when it has none, or when the layout
    /// reads are off (see `StandardTaskNames.unavailableReason`) or were not verified for waits.
    ///
    /// The task must be alive and not running, and nothing may resume it on another thread
    /// during the read (on the loop thread, between jobs, for a task whose waits are the loop's).
    static func dependency(ofTaskAt address: UInt) -> Wait? {
        guard isAvailable else { return nil }
        return rawDependency(ofTaskAt: address)
    }

    /// `dependency` without the guards (the self-test uses it to set them).
    static func rawDependency(ofTaskAt address: UInt) -> Wait? {
        typealias L = RuntimeTaskLayout
        guard L.isTask(address), L.statusFlags(ofTaskAt: address) & L.statusHasDependency != 0 else { return nil }
        for (kind, record) in L.records(ofTaskAt: address) where kind == L.dependencyRecordKind {
            let on = UInt(bitPattern: record.load(fromByteOffset: L.dependentOnOffset, as: UnsafeRawPointer?.self))
            switch record.load(fromByteOffset: L.dependencyKindOffset, as: UInt32.self) {
            case 1: return .task(address: on)
            case 2: return .continuation
            case 3: return .group(address: on)
            case 4:
                guard on != 0 else { return .executor }
                let object = Unmanaged<AnyObject>.fromOpaque(UnsafeRawPointer(bitPattern: on)!).takeUnretainedValue()
                return .actor(typeName: String(describing: type(of: object)), address: on)
            default: return nil
            }
        }
        return nil
    }
}
