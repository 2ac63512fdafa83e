import InterleaveTrace

/// Fails the current run as a failed `check` would, for code that knows the failure's place only
/// at run time: a test framework's expectation, seen by an issue handler (`InterleaveTesting`).
///
/// `location` ("BankTests.swift:31") is what makes two failures the same bug while `explore`
/// shrinks a schedule. Returns false, doing nothing, when the caller is not running on a loop.
/// ```swift
/// reportFailure("Expectation failed: balance >= 0", location: "BankTests.swift:31")
/// ```
@discardableResult
public func reportFailure(_ message: String, location: String) -> Bool {
    guard let loop = Loop.current else { return false }
    loop.recordReportedFailure(message, location: location)
    return true
}

extension Loop {
    /// `recordCheckFailure` with a location known only at run time (not a `StaticString`).
    func recordReportedFailure(_ message: String, location: String) {
        if failures.firstCheck == nil {
            failures.firstCheck = .checkFailed(message: message, location: location)
            failures.firstCheckStep = stepCount
            failures.firstCheckChoices = ready.choiceCount
        }
        guard recorder.isEnabled else { return }
        emit(.checkFailed, text: "\(message) (\(location))", by: runningTask?.id ?? .none, location: .unknown)
    }
}
