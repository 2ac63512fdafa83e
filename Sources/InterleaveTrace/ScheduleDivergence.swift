/// A place where a trace's schedule leaves FIFO order: a `.preempted` event, the task whose
/// job ran ahead and the task FIFO would have run.
///
/// A failure found by `interleave explore` is replayed from the choices that broke FIFO; the
/// first of them is where the replay opens, and each one is worth a caption.
/// ```swift
/// let first = store.firstDivergence()       // the first `.preempted` event, if any
/// cursor.seek(toEvent: first!.openingEventCount)
/// cursor.world.currentDivergence(in: store)  // the same divergence, ordinal 1
/// ```
public struct ScheduleDivergence: Sendable, Equatable {
    /// Index of the `.preempted` event; the chosen job's `taskResumed` follows it.
    public var eventIndex: Int
    /// The task whose job runs ahead.
    public var chosen: TaskID
    /// The task whose job FIFO would have run (`.none` when that job is not a task's).
    public var passedOver: TaskID
    /// Which divergence of the run this is, counting from 1.
    public var ordinal: Int
    /// How many choices of the trace's schedule differ from FIFO, as its header records them;
    /// nil when the header does not say (or says fewer than the trace shows).
    public var total: Int?

    public init(eventIndex: Int, chosen: TaskID, passedOver: TaskID, ordinal: Int, total: Int?) {
        self.eventIndex = eventIndex
        self.chosen = chosen
        self.passedOver = passedOver
        self.ordinal = ordinal
        self.total = total
    }

    /// Events in the world that shows the divergence about to happen: everything up to the
    /// `.preempted` event, not yet the chosen job (a step boundary, so stepping goes on from it).
    public var openingEventCount: Int { eventIndex + 1 }

    /// Events read past the chosen job's start before giving up on a divergence being current,
    /// so that a frame's cost stays bounded however long a job is.
    static let scanLimit = 4096
}

extension TraceHeader {
    /// Choices of the recorded schedule that differ from FIFO (non-zero ones: preemptions).
    public var divergingChoices: Int { choices.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }
}

extension TraceStore {
    /// The first place the schedule leaves FIFO, or nil for a trace that never does (a FIFO
    /// run, a live recording).
    public func firstDivergence() -> ScheduleDivergence? {
        var found: Int?
        events.withRuns(in: events.firstHeldIndex..<events.count) { run, start in
            guard found == nil, let offset = run.firstIndex(where: { $0.kind == .preempted }) else { return }
            found = start + offset
        }
        guard let index = found else { return nil }
        return divergence(at: index, ordinal: 1)
    }

    /// The divergence recorded at event `index` (a `.preempted` event), `ordinal`-th of the run.
    func divergence(at index: Int, ordinal: Int) -> ScheduleDivergence {
        let event = events[index]
        let declared = header.divergingChoices
        return ScheduleDivergence(
            eventIndex: index, chosen: event.task, passedOver: event.argTask, ordinal: ordinal,
            total: declared >= ordinal ? declared : nil)
    }
}

extension WorldState {
    /// The latest divergence while it is still what is happening: its job is about to run or
    /// is the latest job run. Once another job has run, it is history (the timeline keeps its
    /// marker), and nil is returned.
    public func currentDivergence(in store: TraceStore) -> ScheduleDivergence? {
        let end = min(eventCount, store.events.count)
        guard lastPreemption >= 0, lastPreemption < end, preemptions > 0 else { return nil }
        // The chosen job's own start is the event right after; any later start is another job.
        let firstLater = lastPreemption + 2
        guard end - firstLater <= ScheduleDivergence.scanLimit else { return nil }
        var index = firstLater
        while index < end {
            if store.events[index].kind == .taskResumed { return nil }
            index += 1
        }
        return store.divergence(at: lastPreemption, ordinal: preemptions)
    }
}
