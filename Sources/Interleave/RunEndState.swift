/// What the loop knows about how the current run ends: its root task, whether its end (and a
/// deadlock) was recorded, and what it is owed at the end (failures nobody awaited).
///
/// A run begins with the first task spawned on a new or closed loop (`begin`) and ends when
/// the loop runs out of work (`verdictWhenIdle`). Pure book-keeping, loop thread only.
/// ```swift
/// var run = RunEndState()
/// run.begin(with: main)
/// run.verdictWhenIdle(liveTasks: 0, pendingIO: 0)   // .allDone
/// run.markEnded()
/// run.verdictWhenIdle(liveTasks: 0, pendingIO: 0)   // nil: already ended
/// ```
struct RunEndState {
    /// The run's first task: its end is the run's outcome.
    private(set) var rootTask: TaskRecord?
    private(set) var runEndedRecorded = false
    /// The step count at which the latest deadlock was reported: a deadlock is reported once,
    /// and again only if the run made progress (someone broke it) and got stuck anew.
    private var deadlockReportedAtStep = -1
    /// True once a fault was applied from outside: the run has left its script (see `caption`).
    var hasIntervention = false
    /// Tasks that failed, with their error's description, in the order they failed.
    private(set) var failures: [(TaskRecord, String)] = []
    /// Whether a deadlock ends the run (headless runs) or leaves it waiting for the user to
    /// break it by failing or cancelling a task in the cycle (live runs).
    var deadlockEndsRun = true

    /// What an idle loop makes of its run.
    enum IdleVerdict: Equatable {
        /// Real I/O may still come back: not idle yet.
        case waitingForIO
        /// Tasks are left that nothing can wake; `endsRun` says whether the run ends with them.
        case deadlock(endsRun: Bool)
        /// Every task has finished.
        case allDone
    }

    /// Starts a new run with `root` as its first task, forgetting all of the run before.
    mutating func begin(with root: TaskRecord) {
        self = RunEndState(rootTask: root, deadlockEndsRun: deadlockEndsRun)
    }

    /// The run is over (the loop was closed): the next task spawned starts a new one.
    mutating func close() { rootTask = nil }

    /// Whether a run has begun and not been closed.
    var isOpen: Bool { rootTask != nil }

    /// What running out of work at this point means; nil once the run's end was recorded.
    func verdictWhenIdle(liveTasks: Int, pendingIO: Int) -> IdleVerdict? {
        guard !runEndedRecorded else { return nil }
        guard liveTasks > 0 else { return .allDone }
        guard pendingIO == 0 else { return .waitingForIO }
        return .deadlock(endsRun: deadlockEndsRun)
    }

    /// True when a deadlock seen at `step` is news (nothing was reported since the last job),
    /// and remembers that it is reported.
    mutating func shouldReportDeadlock(atStep step: Int) -> Bool {
        guard deadlockReportedAtStep != step else { return false }
        deadlockReportedAtStep = step
        return true
    }

    mutating func markEnded() { runEndedRecorded = true }

    /// Notes a task's failure, to be reported at the end if nobody awaited it.
    mutating func noteFailure(of task: TaskRecord, _ description: String) {
        failures.append((task, description))
    }

    /// The failures nobody awaited, once the run ended with its root finished; the root's own
    /// failure is the run's outcome, not an error someone forgot to await.
    var unretrievedFailures: [(TaskRecord, String)] {
        guard let root = rootTask, root.outcome.isFinished else { return [] }
        return failures.filter { task, _ in !task.outcomeRetrieved && task !== root }
    }
}
