import InterleaveTrace

/// Feedback for the last action, kept as data so that the reducer needs no task names.
///
/// The caption bar turns it into words with the store at hand.
/// ```swift
/// StatusNote.injected(.fail, TaskID(2)).text(store: store)   // "injected: worker fails"
/// ```
public enum StatusNote: Sendable, Equatable {
    case speed(String)
    case injected(FaultKind, TaskID)
    case needsSelection
    case needsRuntime
    case atStart
    case atEnd
    case runEnded
    /// The run is stuck in a deadlock that only an intervention can break.
    case deadlocked
    /// An intervention refused: the task has already ended (in this state).
    case alreadyFinished(TaskID, TaskState)
    case recording(Bool)
    case message(String)

    /// The note as shown to the user.
    public func text(store: TraceStore) -> String {
        switch self {
        case .speed(let label): "speed \(label)"
        case .injected(let fault, let task):
            switch fault {
            case .fail: "injecting a failure into \(store.taskName(task))"
            case .cancel: "cancelling \(store.taskName(task))"
            case .stall: "making \(store.taskName(task)) block the loop"
            case .ioFailure: "failing the next I/O of \(store.taskName(task))"
            }
        case .needsSelection: "select a task first (j/k or the arrow keys)"
        case .needsRuntime: "faults need a live run; this is a recording"
        case .atStart: "already at the first step"
        case .atEnd: "already at the newest step"
        case .runEnded: "the run has ended; r restarts it"
        case .deadlocked: "deadlocked: select a waiting task and press f or c to break the cycle"
        case .alreadyFinished(let task, let state):
            switch state {
            case .failed: "\(store.taskName(task)) already failed"
            case .cancelled: "\(store.taskName(task)) was already cancelled"
            default: "\(store.taskName(task)) already finished"
            }
        case .recording(let on): on ? "recording started" : "recording stopped"
        case .message(let text): text
        }
    }
}
