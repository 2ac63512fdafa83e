import InterleaveTrace

/// Finding and recording deadlocks: tasks left waiting with nothing that can wake them.
extension Loop {
    /// Records the wait-for graph of the stuck tasks and, where there is one, its cycle.
    ///
    /// An edge runs from a waiting task to each task that could end its wait (a lock's holder,
    /// an awaited task). A cycle is reported edge by edge as `.deadlock` events; stuck tasks
    /// outside any cycle are reported as lints ("waits on event E that nothing will set").
    func reportDeadlock() {
        guard deadlockReportedAtStep != stepCount else { return }
        deadlockReportedAtStep = stepCount
        let stuck = records.compactMap { $0 }.filter { !$0.outcome.isFinished && $0.parkedAt != nil }
        let cycle = findCycle(among: stuck)
        for (task, next) in cycle {
            let resource = task.parkedAt?.traceResource ?? .none
            recorder.record(.deadlock, task: task.id, resource: resource, arg: Int64(next.id.rawValue),
                            at: nowNanoseconds)
        }
        let inCycle = Set(cycle.map { ObjectIdentifier($0.0) })
        for task in stuck where !inCycle.contains(ObjectIdentifier(task)) {
            let what = task.parkedAt.map { describeWait(of: task, on: $0) } ?? "something"
            recorder.record(.deadlock, task: task.id, resource: task.parkedAt?.traceResource ?? .none,
                            arg: Int64(TaskID.none.rawValue), at: nowNanoseconds)
            lint("\(task.name) waits forever on \(what)", task: task.id)
        }
    }

    /// The first cycle found by depth-first search, as (waiter, the task it waits for) pairs.
    private func findCycle(among stuck: [TaskRecord]) -> [(TaskRecord, TaskRecord)] {
        var state: [ObjectIdentifier: Int] = [:]   // 1 = on the path, 2 = done
        var path: [(TaskRecord, TaskRecord)] = []

        func visit(_ task: TaskRecord) -> [(TaskRecord, TaskRecord)]? {
            state[ObjectIdentifier(task)] = 1
            for next in task.parkedAt?.blockers(of: task) ?? [] where !next.outcome.isFinished {
                path.append((task, next))
                switch state[ObjectIdentifier(next)] {
                case 1:
                    let start = path.firstIndex { $0.0 === next } ?? 0
                    return Array(path[start...])
                case nil:
                    if let found = visit(next) { return found }
                default:
                    break
                }
                path.removeLast()
            }
            state[ObjectIdentifier(task)] = 2
            return nil
        }

        for task in stuck where state[ObjectIdentifier(task)] == nil {
            if let cycle = visit(task) { return cycle }
        }
        return []
    }

    private func describeWait(of task: TaskRecord, on source: any WaitSource) -> String {
        if let awaited = source as? TaskRecord { return "task \(awaited.name)" }
        let resource = source.traceResource
        guard !resource.isNone else { return "something that never comes" }
        let info = store.resource(resource)
        // Each kind ends a wait its own way: say the way that will not come.
        switch info.kind {
        case .group: return "\(info.name), whose tasks cannot finish"
        case .event: return "\(info.kindAndName), which nothing will set"
        case .condition: return "\(info.kindAndName), which nothing will notify"
        case .future: return "\(info.kindAndName), which nothing will resolve"
        case .queue: return "\(info.kindAndName), which nothing will change"
        case .lock, .semaphore, .boundedSemaphore, .io, .actor: return "\(info.kindAndName), which nothing will release"
        }
    }
}
