import InterleaveTrace

/// Prints a line into the trace, attributed to the running task at the current virtual time.
///
/// Inside a loop task this shadows `Swift.print`, so demo code reads like the lessons; the
/// plain output shows it as `0.000s  task1  Task 1 started`. Outside a loop it prints normally.
/// ```swift
/// print("Hello")
/// ```
public func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { String(describing: $0) }.joined(separator: separator)
    guard let loop = Loop.current, let task = loop.runningTask else {
        Swift.print(text, terminator: terminator)
        return
    }
    // No location: the signature must match Swift.print exactly for the shadowing to apply.
    loop.emit(.output, text: text, by: task.id, location: .unknown)
}

/// Shows a caption: one sentence explaining what just happened, tied to this moment of the run.
///
/// A caption narrates the run as written. Once someone has intervened (a fault, a cancellation
/// or a stall injected from outside), what it claims may no longer be true, so later captions
/// are left out; the UI explains the intervention and its effects instead.
/// ```swift
/// caption("task2 finishes first: it only sleeps 1 s")
/// ```
public func caption(_ text: String, file: StaticString = #fileID, line: UInt = #line) {
    guard let loop = Loop.current, !loop.runEnd.hasIntervention else { return }
    loop.emit(.caption, text: text, by: (loop.runningTask)?.id ?? .none, location: loop.recorder.location(file, line))
}

extension Loop {
    func emit(_ kind: EventKind, text: String, by task: TaskID, location: LocationID) {
        guard recorder.isEnabled else { return }
        recorder.record(kind, task: task, arg: Int64(recorder.intern(text).rawValue), at: nowNanoseconds,
                        location: location)
    }
}
