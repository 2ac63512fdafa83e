import InterleaveTrace

/// Finding and recording deadlocks: tasks left waiting with nothing that can wake them.
extension Loop {
    /// Records the wait-for graph of the stuck tasks and, where there is one, its cycle.
    ///
    /// An edge runs from a waiting task to each task that could end its wait (a lock's holder,
    /// an awaited task). A cycle is reported edge by edge as `.deadlock` events; stuck tasks
    /// outside any cycle are reported as lints ("waits on event E that nothing will set").
    func reportDeadlock() {
        guard runEnd.shouldReportDeadlock(atStep: stepCount) else { return }
        let stuck = registry.unfinishedTasks.filter { $0.parkedAt != nil }
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
    ///
    /// Iterative, with its own stack: a wait chain can be as long as there are tasks (a
    /// 100,000-philosopher table), far deeper than a thread's stack allows recursion.
    func findCycle(among stuck: [TaskRecord]) -> [(TaskRecord, TaskRecord)] {
        var state: [ObjectIdentifier: Int] = [:]   // 1 = on the path, 2 = done
        var path: [(TaskRecord, TaskRecord)] = []
        // One frame per task on the path: the task, its live blockers, and the next to try.
        var frames: [(task: TaskRecord, blockers: [TaskRecord], next: Int)] = []

        func push(_ task: TaskRecord) {
            state[ObjectIdentifier(task)] = 1
            let blockers = (task.parkedAt?.blockers(of: task) ?? []).filter { !$0.outcome.isFinished }
            frames.append((task, blockers, 0))
        }

        for root in stuck where state[ObjectIdentifier(root)] == nil {
            push(root)
            while let top = frames.last {
                guard top.next < top.blockers.count else {
                    // Every way out of this task is explored: it is off the path.
                    state[ObjectIdentifier(top.task)] = 2
                    frames.removeLast()
                    if !path.isEmpty { path.removeLast() }
                    continue
                }
                let next = top.blockers[top.next]
                frames[frames.count - 1].next += 1
                switch state[ObjectIdentifier(next)] {
                case 1:
                    path.append((top.task, next))
                    let start = path.firstIndex { $0.0 === next } ?? 0
                    return Array(path[start...])
                case nil:
                    path.append((top.task, next))
                    push(next)
                default:
                    break
                }
            }
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
