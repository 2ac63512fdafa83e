import InterleaveTrace

/// States something that must hold at this point of the run; when it does not, the trace
/// records it and the run counts as failed (`Loop.failure`), which is what `explore` searches for.
///
/// A failed check does not stop the task: the program goes on as written, as an assertion
/// that only reports would, so the rest of the run still shows what the bug leads to.
/// ```swift
/// balance -= amount
/// check(balance >= 0, "overdraft: balance \(balance)")
/// ```
public func check(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
    file: StaticString = #fileID, line: UInt = #line
) {
    guard !condition() else { return }
    guard let loop = Loop.current else {
        preconditionFailure("check must be called from a task running on an Interleave loop (use spawn)")
    }
    loop.recordCheckFailure(message(), file: file, line: line)
}

/// Registers a condition checked after every job of the current run's loop: the first job
/// after which it does not hold fails the run, as a `check` there would.
///
/// The condition runs on the loop between jobs, so it sees the program's state at each step.
/// ```swift
/// invariant("never more than one writer") { writers <= 1 }
/// ```
public func invariant(
    _ message: String, file: StaticString = #fileID, line: UInt = #line, _ holds: @escaping () -> Bool
) {
    guard let loop = Loop.current else {
        preconditionFailure("invariant must be called from a task running on an Interleave loop (use spawn)")
    }
    loop.failures.invariants.append((message, "\(SourceLocation(fileID: "\(file)", line: Int(line)))", holds))
}

extension Loop {
    /// What went wrong in the run so far: a failed check first (it is the earliest sign),
    /// then an error escaping the main task, a deadlock, and a promoted lint.
    public var failure: RunFailure? {
        if let check = failures.firstCheck { return check }
        if let root = runEnd.rootTask, case .failed(let error) = root.outcome {
            return .mainFailed(error: String(describing: error))
        }
        if let stuck = failures.stuckTasks { return .deadlock(tasks: stuck) }
        if let lint = failures.firstLint { return .lint(lint) }
        return nil
    }

    /// Whether lints fail the run (`explore --lints-fail`); off by default.
    public var lintsFail: Bool {
        get { failures.lintsFail }
        set { failures.lintsFail = newValue }
    }

    /// Jobs run when the failure showed: at the first failed check, else the whole run.
    public var failureStep: Int { failures.firstCheck == nil ? steps : failures.firstCheckStep }

    /// Whether this loop records a trace (off while `explore` searches).
    public var isTracing: Bool { recorder.isEnabled }

    func recordCheckFailure(_ message: String, file: StaticString, line: UInt) {
        let location = SourceLocation(fileID: "\(file)", line: Int(line))
        if failures.firstCheck == nil {
            failures.firstCheck = .checkFailed(message: message, location: "\(location)")
            failures.firstCheckStep = stepCount
            failures.firstCheckChoices = ready.choiceCount
        }
        guard recorder.isEnabled else { return }
        emit(.checkFailed, text: message, by: runningTask?.id ?? .none, location: recorder.location(file, line))
    }

    /// Runs the invariants after a job; the first broken one is recorded like a failed check.
    func checkInvariants() {
        guard let failure = failures.evaluateInvariants(atStep: stepCount) else { return }
        failures.firstCheckChoices = ready.choiceCount
        guard recorder.isEnabled, case .checkFailed(let message, _) = failure else { return }
        emit(.checkFailed, text: message, by: .none, location: .unknown)
    }
}
