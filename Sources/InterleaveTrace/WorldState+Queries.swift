/// Questions views and diagnostics ask of a world state.
extension WorldState {
    /// Tasks waiting on `resource`, in the order they started waiting (FIFO).
    public func waiters(of resource: ResourceID, reason: WaitReason? = nil) -> [TaskID] {
        var found: [(UInt32, TaskID)] = []
        for (index, task) in tasks.enumerated()
        where task.state == .waiting && task.resource == resource && (reason == nil || task.reason == reason) {
            found.append((task.waitSince, TaskID(index)))
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Waiter counts for every resource at once, in one pass over the tasks.
    public func waiterCounts() -> [Int] {
        var counts = [Int](repeating: 0, count: resources.count)
        for task in tasks where task.state == .waiting && !task.resource.isNone && task.resource.index < counts.count {
            counts[task.resource.index] += 1
        }
        return counts
    }

    /// Tasks that have not finished.
    public var liveTaskCount: Int { tasks.count - finishedTasks }

    /// The state of `task`, or `nil` for an unknown id.
    public func task(_ id: TaskID) -> TaskSnapshot? {
        id.isNone || id.index >= tasks.count ? nil : tasks[id.index]
    }
}
