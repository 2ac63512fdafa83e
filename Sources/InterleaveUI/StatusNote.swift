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
    /// A step back went live: the run re-executed to this step and goes on from it.
    case rewound(toStep: Int)
    case message(String)
    /// A search for a failing continuation (`e`) is under way from this step.
    case exploring(fromStep: Int)
    /// The search found a failing continuation: Enter switches the run to it.
    case exploreFound(failure: String, schedules: Int, fromStep: Int)
    /// Every schedule the search tried passed.
    case exploreFoundNothing(schedules: Int, fromStep: Int)
    /// `e` in a recording: only a live run has a program to try other schedules of.
    case exploreNeedsProgram

    /// The longest offer: the status shares the caption bar's last row, and a note as wide as
    /// the bar is not drawn at all, so the offer fits 80 columns with room to spare.
    static let offerLength = 74

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
        case .rewound(let step): "rewound to step \(step): running again from there"
        case .message(let text): text
        case .exploring(let step): "exploring from step \(step)… (e cancels)"
        case .exploreFound(let failure, let schedules, _):
            Self.offer(failure: failure, schedules: schedules)
        case .exploreFoundNothing(let schedules, let step):
            "explore: no failure in \(formatGrouped(schedules)) schedule\(schedules == 1 ? "" : "s") from step \(step)"
        case .exploreNeedsProgram:
            "explore needs the program: run `interleave explore \(store.header.demoName.isEmpty ? "DEMO" : store.header.demoName)`"
        }
    }

    /// "found overdraft: balance -60 in 3 schedules — enter: see it", the failure shortened
    /// to keep the whole offer within `offerLength`.
    static func offer(failure: String, schedules: Int) -> String {
        let count = " in \(formatGrouped(schedules)) schedule\(schedules == 1 ? "" : "s") — enter: see it"
        let room = offerLength - "found ".count - count.count
        let shown = failure.count <= room ? failure : String(failure.prefix(max(1, room - 1))) + "…"
        return "found \(shown)\(count)"
    }
}
