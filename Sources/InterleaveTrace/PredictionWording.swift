/// How predict mode asks about a resource's waiters, and why the answer is right, in the
/// resource's own terms: a lock is got, a semaphore gives a permit, a queue an item, an event
/// wakes everyone.
///
/// ```swift
/// let wording = PredictionWording(resource: lockInfo, reason: .acquire)
/// wording.prompt                    // "Which task gets the lock next?"
/// wording.fairness(first: "task2")  // "a lock serves its waiters first come, first served: …"
/// ```
struct PredictionWording {
    let resource: ResourceInfo
    let reason: WaitReason

    /// "the lock" for a resource named by its kind alone, else "lock db" or "download slots".
    var name: String {
        resource.name.lowercased() == resource.kind.label ? "the \(resource.name)" : resource.kindAndName
    }

    var prompt: String {
        switch resource.kind {
        case .lock: "Which task gets \(name) next?"
        case .semaphore, .boundedSemaphore: "Which waiting task gets a permit from \(name)?"
        case .queue where reason == .put: "\(Self.capitalised(name)) is full. Which task puts first?"
        case .queue: "Which waiting task gets the next item from \(name)?"
        case .event: "Which task waiting for \(name) wakes first?"
        case .condition: "Which task waiting on \(name) is woken first?"
        default: "Which task waiting on \(name) goes on first?"
        }
    }

    /// Why the longest waiter is served first.
    func fairness(first task: String) -> String {
        switch resource.kind {
        case .event: "setting an event wakes all its waiters, in the order they began waiting: \(task) was first"
        case .condition: "a condition wakes its waiters in the order they began waiting: \(task) was first"
        default: "\(name) serves its waiters first come, first served: \(task) has waited longest"
        }
    }

    /// Why another waiter may be served first (an explored schedule, or a task that came back
    /// to the resource without waiting).
    var outOfTurn: String {
        "the schedule ran its wake-up first, and whoever runs first takes \(name)"
    }

    private static func capitalised(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
