/// The names tasks were given with `Task(name:)` (SE-0469), read from outside the task.
///
/// Swift offers no API for another task's name: it is read from the task's name record
/// (`RuntimeTaskLayout`), once, when the loop adopts the task at its first job. The read is on
/// only when the runtime's layout version and a one-time self-test agree with the layout
/// Interleave knows; otherwise every name is nil (the loop falls back to creation sites and
/// numbered names) and `unavailableReason` says why.
enum StandardTaskNames {
    /// The name of the task at `address`, or nil when it has none (or it cannot be read).
    ///
    /// Call it on the loop thread while the task is not running (before its job runs, or at an
    /// enqueue): the runtime changes a task's status records only while it runs or is cancelled.
    static func name(ofTaskAt address: UInt) -> String? {
        guard RuntimeTaskLayout.measured != nil else { return nil }
        return RuntimeTaskLayout.rawName(ofTaskAt: address)
    }

    /// Why names (and ends) of standard tasks cannot be read in this process, for a lint; nil
    /// when they can.
    static var unavailableReason: String? { RuntimeTaskLayout.unavailableReason }
}
