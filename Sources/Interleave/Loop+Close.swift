import Foundation
import InterleaveTrace

/// Ending a loop's leftover tasks, so that none stays suspended forever.
extension Loop {
    /// Cancels the tasks still on the loop and runs them until they end, without adding to the trace.
    ///
    /// A Swift task that is never resumed is never freed, and it keeps alive everything it
    /// references, this loop and its trace among them: a deadlocked run, or one stopped midway,
    /// leaks all of that unless its tasks are ended. `close()` does what the end of
    /// `asyncio.run` does: it cancels every unfinished task and runs the loop until they have
    /// ended, so their cleanup runs (locks released, servers closed). A task that catches its
    /// cancellation and waits again is cancelled again, up to `rounds` times. Nothing of this
    /// is recorded: the trace still ends where the run did, with its deadlock or mid-flight.
    ///
    /// Call it from the thread that steps the loop, once done with it; `run(_:_:)` calls it
    /// itself. The loop stays usable: what runs on it afterwards is recorded as before.
    /// Returns how many tasks would not end (they stay suspended).
    /// ```swift
    /// let loop = Loop()
    /// Catalogue.named("philosophers")!.start(on: loop, options: DemoOptions())
    /// loop.runUntilIdle()                        // deadlocked: every philosopher waits
    /// let report = PlainReport(store: loop.store).render()
    /// loop.close()                               // they end; the trace is as it was
    /// ```
    @discardableResult
    public func close(rounds: Int = 8, stepsPerRound: Int = 1_000_000) -> Int {
        let previous = beginDriving("Loop.close")
        defer { endDriving(restoring: previous) }
        let actions = closeActions
        closeActions = []
        for action in actions { action() }
        let wasTracing = recorder.isEnabled, wasLive = pacing.isLive
        recorder.isEnabled = false
        // A stall injected but not yet performed would block this thread for real.
        pacing.isLive = false
        defer { (recorder.isEnabled, pacing.isLive) = (wasTracing, wasLive) }
        // Work another thread owes the loop (a task's first job, an I/O reply) is waited for,
        // but not for long: the other side may be gone.
        let patience = Date().addingTimeInterval(1)
        // Nobody will choose for a manual schedule now: its tasks wind down in FIFO order.
        ready.stopAwaitingChoices()
        for _ in 0..<rounds {
            if inbox.hasWork { drainInbox() }
            guard registry.liveTaskCount > 0 else { break }
            for task in registry.unfinishedTasks {
                task.pendingStall = nil
                requestCancel(task)
            }
            // Timers are not advanced: a task that sleeps in its cleanup is cancelled again in
            // the next round instead, so a task that ignores cancellation cannot keep this going.
            var steps = 0
            while steps < stepsPerRound {
                if stepBound() {
                    steps += 1
                } else if Date() >= patience || !waitForOwedWork(until: min(patience, Date().addingTimeInterval(0.05))) {
                    break
                }
            }
        }
        if inbox.hasWork { drainInbox() }
        releaseStandardTasks()
        stopRoutingStandardJobs()
        // The run is over: the next task spawned starts a new one (see `beginRun`). Its
        // invariants go now, not when the next run begins: they capture the run's primitives,
        // which hold this loop, so a loop kept them was never freed (LeakSanitizer found the
        // challenges' loops so).
        runEnd.close()
        failures.invariants = []
        return registry.liveTaskCount
    }
}
