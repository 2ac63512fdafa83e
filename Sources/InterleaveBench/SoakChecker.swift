import Interleave

/// Audits the soak's trace as it grows (`TraceAuditor`: one lock holder, permits and queue
/// depths within bounds, every wait ended by one wake), and trims old events behind it.
///
/// Runs on the loop thread, between waves, so nothing reads the trace while it is trimmed.
final class SoakChecker: @unchecked Sendable {
    let store: TraceStore
    let keepEvents: Int
    let tally: SoakTally
    private var auditor: TraceAuditor
    private(set) var peakHeldEvents = 0

    init(store: TraceStore, keepEvents: Int, tally: SoakTally) {
        self.store = store
        self.keepEvents = keepEvents
        self.tally = tally
        auditor = TraceAuditor(store: store, rules: [.waits, .resources], keepingAtMost: SoakTally.listedViolations)
    }

    /// The world as of the last event checked.
    var world: WorldState { auditor.world }

    /// Audits every new event, then frees what lies more than `keepEvents` behind the end.
    func catchUp() {
        auditor.catchUp()
        let events = store.events
        peakHeldEvents = max(peakHeldEvents, events.count - events.firstHeldIndex)
        if keepEvents > 0 { events.discard(below: events.count - keepEvents) }
    }

    /// The end-of-run checks: the trace's invariants, every task ended and counted, nothing
    /// deadlocked, every resource at rest.
    func finish(expectedTasks: Int) {
        auditor.finish()
        tally.violations(auditor.violations.map { "trace: \($0)" }, count: auditor.violationCount)
        for problem in auditor.restViolations() { tally.violation(problem) }
        if world.tasks.count != expectedTasks {
            tally.violation("the trace has \(world.tasks.count) tasks, the run spawned \(expectedTasks)")
        }
    }
}
