/// A whole recorded trace checked against the invariants any run must keep, one rule set at a
/// time: `TraceAuditor` over the trace from its first event to its last.
///
/// ```swift
/// TraceAudit.resourceViolations(store)   // [] when no lock had two holders, no semaphore ran over
/// ```
public enum TraceAudit {
    /// Every `taskWaiting` must be followed by exactly one `taskWoken` of that task before the
    /// task waits again or ends; a task may stay parked only if the run reported a deadlock
    /// naming it (`TraceAuditor.Rules.waits`). Returns a description of each violation, sorted.
    ///
    /// `includeSleeps` applies the same rule to `taskSleeping` (a sleep is ended by a wake too).
    /// A `taskYielded` may be ended by a wake or simply by the task's next job.
    public static func waitWakeViolations(_ store: TraceStore, includeSleeps: Bool = false) -> [String] {
        audit(store, rules: includeSleeps ? [.waits, .sleepsEnd] : .waits).sorted()
    }

    /// Resource invariants read from the trace alone (`TraceAuditor.Rules.resources`): a lock is
    /// acquired only while free and released by its holder; a semaphore never has more permits
    /// in use than it has; a queue never holds more than its capacity.
    public static func resourceViolations(_ store: TraceStore) -> [String] {
        audit(store, rules: .resources)
    }

    private static func audit(_ store: TraceStore, rules: TraceAuditor.Rules) -> [String] {
        var auditor = TraceAuditor(store: store, rules: rules)
        auditor.finish()
        return auditor.violations
    }
}
