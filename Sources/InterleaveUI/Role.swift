import InterleaveTrace

/// What a piece of the screen means, so that views never pick colours themselves.
///
/// A `Theme` maps each role to a `Style`; swapping the theme restyles every view at once.
/// ```swift
/// let style = Theme.color.style(.lockContended)
/// ```
public enum Role: Int, Sendable, CaseIterable {
    // Chrome.
    case headerBar, headerMode, headerAlert, title, paneBorder, paneTitle, focusedBorder
    // Task states, one per `TaskState`.
    case taskCreated, taskRunning, taskReady, taskSleeping, taskWaiting, taskBlocking
    case taskDone, taskFailed, taskCancelled
    // Timeline.
    case selection, laneLabel, axis, nowCursor
    /// Where the schedule ran a job ahead of FIFO's: the reason a replayed failure happened.
    case preemption
    // Resources.
    case resourceName, lockFree, lockHeld, lockContended, queueBar, queueEmpty
    case eventSet, eventClear, futurePending, futureResolved, futureFailed
    // Captions, diagnostics, status.
    case caption, diagnostic, status
    // Footer and help.
    case footerKey, footerText
    // Log and code.
    case logTime, logText, logOutput, codeLine, codeLineNumber, codeMarker, codeCurrentLine
    // Everything else.
    case dim, overlay, overlayBorder

    /// The role that draws a task in `state`.
    public static func task(_ state: TaskState) -> Role {
        switch state {
        case .created: .taskCreated
        case .ready: .taskReady
        case .running: .taskRunning
        case .sleeping: .taskSleeping
        case .waiting: .taskWaiting
        case .blocking: .taskBlocking
        case .returned: .taskDone
        case .failed: .taskFailed
        case .cancelled: .taskCancelled
        }
    }
}
