import HeapModule

/// One entry of the loop's timer heap, ordered by (deadline, sequence) so ties fire FIFO.
struct TimerEntry: Comparable {
    let deadline: Int64
    let sequence: UInt64
    let action: Action

    enum Action {
        /// Wake a sleeping task, unless its wait ended otherwise (generation moved on).
        case wake(TaskRecord, generation: UInt64)
        /// Run loop code at the deadline (I/O responses).
        case run(() -> Void)
        /// Run loop code at the deadline unless cancelled first (timeouts).
        case cancellable(TimerHandle)
        /// Hand a standard sleep's wake-up job back to the loop (`Task.sleep`), unless its task's
        /// wait ended otherwise (it was cancelled, and the job ran already).
        case wakeStandardSleep(UnownedJob, TaskRecord?, generation: UInt64)

        /// False once the entry no longer stands for anything: its wait ended another way, or
        /// it was called off. Such an entry neither fires nor moves the clock.
        var isLive: Bool {
            switch self {
            case .wake(let task, let generation): task.waitGeneration == generation
            case .cancellable(let handle): !handle.isCancelled
            case .wakeStandardSleep(_, let task, let generation): task.map { $0.waitGeneration == generation } ?? true
            case .run: true
            }
        }
    }

    static func < (lhs: TimerEntry, rhs: TimerEntry) -> Bool {
        (lhs.deadline, lhs.sequence) < (rhs.deadline, rhs.sequence)
    }
    static func == (lhs: TimerEntry, rhs: TimerEntry) -> Bool {
        lhs.deadline == rhs.deadline && lhs.sequence == rhs.sequence
    }
}

/// A timer that can be called off before it fires; a cancelled one no longer moves the clock.
final class TimerHandle {
    let action: () -> Void
    var isCancelled = false
    init(_ action: @escaping () -> Void) { self.action = action }
    func cancel() { isCancelled = true }
}

/// The loop's virtual clock and the timers set on it: what time it is, and what comes due when.
///
/// Pure book-keeping, loop thread only: the loop decides when to move the clock (only when no
/// job is ready and no I/O is due) and carries out what `popDue` hands back.
/// ```swift
/// var timers = TimerQueue()
/// timers.add(at: 5, .run { print("due") })
/// timers.now = timers.nextDeadline()!     // 5
/// if case .run(let action)? = timers.popDue() { action() }
/// ```
struct TimerQueue {
    /// Virtual time since the loop started, in nanoseconds.
    var now: Int64 = 0
    private var heap = Heap<TimerEntry>()
    /// Stamps entries in the order they were added, so that equal deadlines fire FIFO.
    private var sequence: UInt64 = 0

    /// Entries held, the stale ones not yet dropped included.
    var count: Int { heap.count }

    mutating func add(at deadline: Int64, _ action: TimerEntry.Action) {
        sequence &+= 1
        heap.insert(TimerEntry(deadline: deadline, sequence: sequence, action: action))
    }

    /// The earliest deadline still live, dropping the stale entries in front of it.
    mutating func nextDeadline() -> Int64? {
        while let first = heap.min {
            if first.action.isLive { return first.deadline }
            _ = heap.removeMin()
        }
        return nil
    }

    /// Takes the next live entry due at or before `now`, in (deadline, sequence) order; nil when
    /// none is due. A cancellable entry counts as fired from here on (it cannot fire twice).
    ///
    /// Entries are taken one at a time, so what an earlier one does (waking a task, cancelling
    /// a timeout) is seen by the later ones.
    mutating func popDue() -> TimerEntry.Action? {
        while let first = heap.min, first.deadline <= now {
            let action = heap.removeMin().action
            guard action.isLive else { continue }
            if case .cancellable(let handle) = action { handle.isCancelled = true }
            return action
        }
        return nil
    }
}
