/// The tasks a prediction question can offer as options, kept up to date as the planner folds
/// the trace: the ready tasks in the order the loop serves them, the sleepers, and each
/// resource's waiters in the order they began waiting.
///
/// Scanning every task at every step would make planning quadratic (a swarm has thousands of
/// tasks); each event changes one task, so the pool changes one entry per event.
/// ```swift
/// var pool = PredictionPool()
/// world.reduce(event)
/// pool.update(event.task, in: world, at: index)
/// pool.ready(limit: 4)   // the head of the ready queue
/// ```
struct PredictionPool {
    /// Ready tasks by the event index they became ready at; entries of tasks that have moved on
    /// since are skipped when read (`readySince` no longer matches).
    private var readyQueue: [(since: Int, task: Int)] = []
    private var readyHead = 0
    private var readySince: [Int] = []
    private(set) var readyCount = 0
    private(set) var sleeping: Set<Int> = []
    /// Each resource's waiters, longest waiting first.
    private var waiters: [ResourceID: [Int]] = [:]
    /// What each task waits on, to find it again when it stops waiting.
    private var waitingOn: [Int: ResourceID] = [:]

    /// Records `task`'s state after the event at `index` (the only task that event changed).
    mutating func update(_ task: TaskID, in world: WorldState, at index: Int) {
        guard !task.isNone, task.index < world.tasks.count else { return }
        let id = task.index
        let snapshot = world.tasks[id]
        if id >= readySince.count { readySince.append(contentsOf: repeatElement(-1, count: id + 1 - readySince.count)) }
        let isReady = snapshot.state == .ready || snapshot.state == .created
        if isReady, readySince[id] < 0 {
            readySince[id] = index
            readyQueue.append((index, id))
            readyCount += 1
        } else if !isReady, readySince[id] >= 0 {
            readySince[id] = -1
            readyCount -= 1
        }
        if snapshot.state == .sleeping { sleeping.insert(id) } else { sleeping.remove(id) }
        let resource: ResourceID? = snapshot.state == .waiting && !snapshot.resource.isNone ? snapshot.resource : nil
        if waitingOn[id] != resource {
            if let old = waitingOn.removeValue(forKey: id) { waiters[old]?.removeAll { $0 == id } }
            if let resource {
                waitingOn[id] = resource
                waiters[resource, default: []].append(id)
            }
        }
    }

    /// Up to `limit` ready tasks, the one the loop serves first first.
    mutating func ready(limit: Int) -> [TaskID] {
        while readyHead < readyQueue.count, !isCurrent(readyQueue[readyHead]) { readyHead += 1 }
        var found: [TaskID] = []
        var index = readyHead
        while index < readyQueue.count, found.count < limit {
            if isCurrent(readyQueue[index]) { found.append(TaskID(readyQueue[index].task)) }
            index += 1
        }
        return found
    }

    /// True when `task` is ready.
    func isReady(_ task: TaskID) -> Bool { task.index < readySince.count && readySince[task.index] >= 0 }

    /// Up to `limit` sleepers, the nearest deadline first.
    func sleepers(limit: Int, in world: WorldState) -> [TaskID] {
        var nearest: [(deadline: Int64, task: Int)] = []
        for task in sleeping {
            let entry = (world.tasks[task].deadline, task)
            if nearest.count < limit || entry < nearest[nearest.count - 1] {
                nearest.append(entry)
                nearest.sort { $0 < $1 }
                if nearest.count > limit { nearest.removeLast() }
            }
        }
        return nearest.map { TaskID($0.task) }
    }

    /// `resource`'s waiters, longest waiting first.
    func waiters(of resource: ResourceID) -> [TaskID] { (waiters[resource] ?? []).map { TaskID($0) } }

    private func isCurrent(_ entry: (since: Int, task: Int)) -> Bool { readySince[entry.task] == entry.since }
}
