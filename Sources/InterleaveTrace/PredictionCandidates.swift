/// Walks a complete trace, folding the world event by event, and proposes a question wherever
/// the next event is a choice the class could get wrong: which ready task runs, whose sleep
/// ends, which waiter a resource serves, what a task prints, which task fails.
///
/// Each question is asked of the world before the event that answers it, so its options are
/// what that world holds: the ready tasks, the sleepers, the waiters, lines the run printed.
struct PredictionCandidates {
    let store: TraceStore
    let events: [TraceEvent]
    /// Every distinct line the run printed, in order, with the task and event that printed it first.
    private let lines: [(text: String, task: TaskID, index: Int)]

    init(store: TraceStore) {
        self.store = store
        events = store.events.snapshot()
        var seen: Set<String> = []
        var lines: [(String, TaskID, Int)] = []
        for (index, event) in events.enumerated() where event.kind == .output {
            let text = store.string(StringID(Int(event.arg)))
            if seen.insert(text).inserted { lines.append((text, event.task, index)) }
        }
        self.lines = lines
    }

    /// Every candidate in the trace, by position.
    func all() -> [PredictionCandidate] {
        let failures = failingJobs()
        var world = WorldState()
        var pool = PredictionPool()
        var found: [PredictionCandidate] = []
        for (index, event) in events.enumerated() {
            if let question = question(before: index, in: world, pool: &pool, failures: failures) {
                found.append(PredictionCandidate(question: question, step: world.step))
            }
            world.reduce(event)
            pool.update(event.task, in: world, at: index)
        }
        return found
    }

    /// The question to ask when the view shows `index` events, if the next one is worth asking about.
    private func question(
        before index: Int, in world: WorldState, pool: inout PredictionPool, failures: [Int: Int]
    ) -> PredictionQuestion? {
        // A preemption marker only says the schedule left FIFO: ask before it, about the job after it.
        if index > 0, events[index - 1].kind == .preempted { return nil }
        let nextIndex = events[index].kind == .preempted && index + 1 < events.count ? index + 1 : index
        let next = events[nextIndex]
        if let failure = failures[nextIndex] { return failureQuestion(events[failure], at: index, reveal: failure + 1, pool: &pool, in: world) }
        let reveal = nextIndex + 1
        switch next.kind {
        case .taskResumed: return nextTaskQuestion(next.task, at: index, reveal: reveal, pool: &pool)
        case .output: return outputQuestion(next, at: index, reveal: reveal)
        case .taskWoken where next.resource.isNone: return wakeUpQuestion(next.task, at: index, reveal: reveal, pool: pool, in: world)
        default: return resourceQuestion(next, at: index, reveal: reveal, pool: pool, in: world)
        }
    }

    /// Job starts (the index of their `taskResumed`) whose job ends in a failure or a broken
    /// check, mapped to that event's index.
    private func failingJobs() -> [Int: Int] {
        var lastResumed: [TaskID: Int] = [:]
        var result: [Int: Int] = [:]
        for (index, event) in events.enumerated() {
            switch event.kind {
            case .taskResumed: lastResumed[event.task] = index
            case .taskFailed, .checkFailed:
                // A task that fails twice in one job (it cannot) or a check between jobs (no task) asks nothing.
                if !event.task.isNone, let start = lastResumed.removeValue(forKey: event.task), result[start] == nil {
                    result[start] = index
                }
            default: break
            }
        }
        return result
    }

    private func name(_ task: TaskID) -> String { store.taskName(task) }

    private func nextTaskQuestion(_ task: TaskID, at index: Int, reveal: Int, pool: inout PredictionPool) -> PredictionQuestion? {
        guard pool.readyCount >= 2, pool.isReady(task) else { return nil }
        let ready = pool.ready(limit: 4)
        guard let first = ready.first else { return nil }
        let explanation = first == task
            ? "asyncio runs ready tasks in the order they became ready: \(name(task)) was ready first"
            : "this run's schedule picked \(name(task)) out of turn: asyncio's FIFO order would run \(name(first)), ready first"
        return .shuffled(
            position: index, kind: .nextTask, prompt: "Which task runs next?", right: name(task),
            others: ready.filter { $0 != task }.map(name), explanation: explanation, reveal: reveal)
    }

    private func wakeUpQuestion(_ task: TaskID, at index: Int, reveal: Int, pool: PredictionPool, in world: WorldState) -> PredictionQuestion? {
        guard pool.sleeping.count >= 2, pool.sleeping.contains(task.index) else { return nil }
        let sleepers = pool.sleepers(limit: 4, in: world)
        let deadline = world.tasks[task.index].deadline
        let tied = sleepers.contains { $0 != task && world.tasks[$0.index].deadline == deadline }
        let explanation = tied
            ? "\(name(task))'s sleep ends at \(formatSeconds(deadline)), no later than any other; of sleeps that end together, the earliest begun wakes first"
            : "the clock jumps to the nearest deadline: \(name(task))'s sleep ends first, at \(formatSeconds(deadline))"
        return .shuffled(
            position: index, kind: .wakeUp, prompt: "Several tasks sleep. Which one wakes up next?", right: name(task),
            others: sleepers.filter { $0 != task }.map(name), explanation: explanation, reveal: reveal)
    }

    private func resourceQuestion(
        _ event: TraceEvent, at index: Int, reveal: Int, pool: PredictionPool, in world: WorldState
    ) -> PredictionQuestion? {
        let resource = event.resource
        guard !event.task.isNone, !resource.isNone, resource.index < store.resources.count else { return nil }
        let waiters = pool.waiters(of: resource)
        guard waiters.count >= 2, let first = waiters.first, waiters.contains(event.task) else { return nil }
        let info = store.resource(resource)
        let reason = world.task(event.task)?.reason ?? .wait
        let wording = PredictionWording(resource: info, reason: reason)
        let task = name(event.task)
        let explanation = first == event.task
            ? wording.fairness(first: task)
            : "\(task) was served ahead of \(name(first)), who had waited longer: \(wording.outOfTurn)"
        return .shuffled(
            position: index, kind: .resource, prompt: wording.prompt, right: task,
            others: waiters.filter { $0 != event.task }.map(name), explanation: explanation, reveal: reveal)
    }

    private func outputQuestion(_ event: TraceEvent, at index: Int, reveal: Int) -> PredictionQuestion? {
        guard !event.task.isNone else { return nil }
        let text = store.string(StringID(Int(event.arg)))
        // Lines not yet on screen make the best decoys, the task's own first, the nearest first.
        let others = lines.filter { $0.text != text }.sorted { a, b in
            let keyA = (a.task == event.task ? 0 : 1, a.index > index ? 0 : 1, abs(a.index - index))
            let keyB = (b.task == event.task ? 0 : 1, b.index > index ? 0 : 1, abs(b.index - index))
            return keyA < keyB
        }
        let location = store.location(event.location)
        let place = event.location == .unknown ? "" : " (\(location.fileID.split(separator: "/").last ?? ""):\(location.line))"
        return .shuffled(
            position: index, kind: .output, prompt: "What does \(name(event.task)) print next?", right: text,
            others: others.map(\.text),
            explanation: "\(name(event.task)) reaches this print\(place) in its next step; a line appears when its task's step runs",
            reveal: reveal)
    }

    private func failureQuestion(
        _ failure: TraceEvent, at index: Int, reveal: Int, pool: inout PredictionPool, in world: WorldState
    ) -> PredictionQuestion? {
        let task = failure.task
        guard let state = world.task(task)?.state, !state.isFinished else { return nil }
        // Other tasks still running their course, any of which could be the one: ready, asleep, waiting.
        let waiting = world.tasks.indices.lazy.filter { world.tasks[$0].state == .waiting }.prefix(4).map { TaskID($0) }
        let alive = [task] + pool.ready(limit: 4) + pool.sleepers(limit: 4, in: world) + waiting
        let message = store.string(StringID(Int(failure.arg)))
        let isCheck = failure.kind == .checkFailed
        return .shuffled(
            position: index, kind: .failure,
            prompt: isCheck ? "A check is about to fail. In which task?" : "A task is about to fail. Which one?",
            right: name(task), others: alive.filter { $0 != task }.map(name),
            explanation: isCheck ? "\(name(task))'s check fails: \(message)" : "\(name(task)) fails with: \(message)",
            reveal: reveal)
    }
}
