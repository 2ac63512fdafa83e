import Interleave

/// Folds the soak's trace into a world state as it grows, checks what the trace itself says
/// (one lock holder, permits and queue depths within bounds), and trims old events.
///
/// Runs on the loop thread, between waves, so nothing reads the trace while it is trimmed.
final class SoakChecker: @unchecked Sendable {
    let store: TraceStore
    let keepEvents: Int
    let tally: SoakTally
    private(set) var world = WorldState()
    private(set) var peakHeldEvents = 0

    init(store: TraceStore, keepEvents: Int, tally: SoakTally) {
        self.store = store
        self.keepEvents = keepEvents
        self.tally = tally
    }

    /// Folds every new event, then frees what lies more than `keepEvents` behind the end.
    func catchUp() {
        let events = store.events
        let end = events.count
        events.withRuns(in: world.eventCount..<end) { run, _ in
            for event in run { check(event); world.reduce(event) }
        }
        peakHeldEvents = max(peakHeldEvents, end - events.firstHeldIndex)
        if keepEvents > 0 { events.discard(below: end - keepEvents) }
    }

    private func check(_ event: TraceEvent) {
        switch event.kind {
        case .lockAcquired:
            let holder = world.resources[event.resource.index].holder
            if !holder.isNone { tally.violation("trace: lock \(event.resource.rawValue) acquired while held by task \(holder.rawValue)") }
        case .semaphoreAcquired, .semaphoreReleased:
            let capacity = store.resources[event.resource.index].capacity
            if event.arg < 0 || event.arg > capacity {
                tally.violation("trace: semaphore \(event.resource.rawValue) has \(event.arg) of \(capacity) permits in use")
            }
        case .queuePut:
            let capacity = store.resources[event.resource.index].capacity
            if capacity > 0, event.arg > capacity {
                tally.violation("trace: queue \(event.resource.rawValue) holds \(event.arg), over its capacity \(capacity)")
            }
        default:
            break
        }
    }

    /// The end-of-run checks: every task ended, nothing deadlocked, every resource at rest.
    func finish(expectedTasks: Int) {
        catchUp()
        if world.deadlocked { tally.violation("the loop reported a deadlock") }
        if world.liveTaskCount != 0 { tally.violation("\(world.liveTaskCount) task(s) never ended") }
        if world.tasks.count != expectedTasks {
            tally.violation("the trace has \(world.tasks.count) tasks, the run spawned \(expectedTasks)")
        }
        for (index, resource) in world.resources.enumerated() {
            let info = store.resources[index]
            switch info.kind {
            case .lock where !resource.holder.isNone:
                tally.violation("\(info.name) still held at the end")
            case .semaphore where resource.value != 0, .boundedSemaphore where resource.value != 0:
                tally.violation("\(info.name) ends with \(resource.value) of \(info.capacity) permits in use")
            case .queue where resource.value != 0:
                tally.violation("\(info.name) ends holding \(resource.value) item(s)")
            default:
                break
            }
        }
    }
}
