/// What went wrong in a run, as `explore` judges it.
///
/// ```swift
/// if let failure = loop.failure { print(failure) }   // "deadlock: philosopher1 → philosopher2 → …"
/// ```
public enum RunFailure: Sendable, Hashable, CustomStringConvertible {
    /// A `check` or an invariant did not hold; `location` is where it is written ("BankDemo.swift:31").
    case checkFailed(message: String, location: String)
    /// Tasks were left waiting with nothing that could wake them.
    case deadlock(tasks: [String])
    /// An error escaped the main task.
    case mainFailed(error: String)
    /// A lint, promoted to a failure (`Loop.lintsFail`).
    case lint(String)

    public var description: String {
        switch self {
        case .checkFailed(let message, _): message
        case .deadlock(let tasks): "deadlock: \(tasks.joined(separator: ", ")) wait forever"
        case .mainFailed(let error): "main failed: \(error)"
        case .lint(let text): "lint: \(text)"
        }
    }

    /// What makes two failures "the same bug" while a schedule is shrunk: the check's place,
    /// not its message (a balance of -50 and of -30 are one overdraft); for a deadlock, the
    /// fact of it, whoever is stuck.
    public var signature: String {
        switch self {
        case .checkFailed(_, let location): "check@\(location)"
        case .deadlock: "deadlock"
        case .mainFailed(let error): "main:\(error)"
        case .lint(let text): "lint:\(text)"
        }
    }
}

/// The failures a loop has seen in its current run. Loop thread only.
struct FailureLog {
    /// Conditions checked after every job (see `invariant`).
    var invariants: [(message: String, location: String, holds: () -> Bool)] = []
    var firstCheck: RunFailure?
    /// The job count when the first check failed.
    var firstCheckStep = 0
    /// Choices made when the first check failed.
    var firstCheckChoices = 0
    var firstLint: String?
    var stuckTasks: [String]?
    /// Whether lints count as failures.
    var lintsFail = false

    /// Forgets the previous run's failures and invariants: the program registers its
    /// invariants again as it runs (after its main task, which begins the run, starts).
    mutating func beginRun() {
        invariants = []
        firstCheck = nil
        firstCheckStep = 0
        firstCheckChoices = 0
        firstLint = nil
        stuckTasks = nil
    }

    /// Evaluates the invariants; the first that does not hold becomes the run's check failure.
    /// Returns the failure it found now, to be recorded.
    mutating func evaluateInvariants(atStep step: Int) -> RunFailure? {
        guard firstCheck == nil else { return nil }
        for invariant in invariants where !invariant.holds() {
            let failure = RunFailure.checkFailed(message: invariant.message, location: invariant.location)
            firstCheck = failure
            firstCheckStep = step
            return failure
        }
        return nil
    }
}
