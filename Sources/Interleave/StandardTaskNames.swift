/// The names tasks were given with `Task(name:)` (SE-0469), read from outside the task.
enum StandardTaskNames {
    /// The name of the task at `address`, or nil when it has none (or it cannot be read).
    static func name(ofTaskAt address: UInt) -> String? {
        nil
    }
}
