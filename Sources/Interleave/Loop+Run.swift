import Foundation
import InterleaveTrace

/// Driving a loop headless: run until idle, until an instant, or a whole main task.
extension Loop {
    /// Runs jobs, jumping the clock to each next timer, until nothing can make progress.
    ///
    /// Returns when every task has finished, or when the rest are stuck (a deadlock, which is
    /// then recorded with its wait-for cycle), or when only real I/O (or, for unmodified Swift
    /// code, another thread) could move the run and nothing has come back for `ioPatience` of
    /// wall time: that is recorded as a lint, and the tasks waiting on it stay suspended
    /// (`close()` ends them).
    public func runUntilIdle(ioPatience: Duration = .seconds(30)) {
        let previous = beginDriving("Loop.runUntilIdle")
        defer { endDriving(restoring: previous) }
        let patience = Double(ioPatience.nanoseconds) / 1e9
        // Since when only another thread could move the run, with nothing arriving.
        var waitingSince: Date?
        while true {
            while stepBound() { waitingSince = nil }
            // A manual schedule waits for its driver's choice: the run is not idle, only held.
            if ready.awaitingChoice { return }
            let owed = isOwedWork
            if !owed, advanceToNextTimer() {
                waitingSince = nil
                continue
            }
            // A standard task in an await of Swift's own may be waiting for another thread (a
            // DispatchQueue, real I/O): like I/O, that is waited for in wall time, within patience.
            let awaitsOtherThreads = routesStandardJobs && registry.unfinishedTasks.contains { $0.standardSuspended }
            guard owed || io.pending > 0 || awaitsOtherThreads else { break }
            let since = waitingSince ?? Date()
            waitingSince = since
            let deadline = since.addingTimeInterval(patience)
            guard Date() < deadline else {
                if io.pending > 0 {
                    lint("gave up after \(formatSeconds(ioPatience.nanoseconds)) of wall time waiting for I/O that never "
                        + "completed (\(io.pending) operation(s) pending)")
                }
                break
            }
            inbox.wait(until: deadline)
        }
        noteIdle()
    }

    /// Runs until virtual time reaches `instant` (or nothing is left to run before it).
    public func run(until instant: Duration) {
        let previous = beginDriving("Loop.run(until:)")
        defer { endDriving(restoring: previous) }
        let limit = instant.nanoseconds
        while true {
            while stepBound() {}
            if ready.awaitingChoice { return }
            if waitForOwedWork() { continue }
            guard let deadline = nextDeadline, deadline <= limit else { break }
            _ = advanceToNextTimer()
        }
        if limit > nowNanoseconds { setNow(limit) }
    }

    /// Spawns `body` as the main task, runs the loop until idle and returns its value.
    ///
    /// Throws the main task's error; throws `LoopError.neverFinished` if it never finished.
    /// Like `asyncio.run`, it then cancels whatever tasks are left (see `close()`); the trace is
    /// kept as the run left it.
    /// ```swift
    /// let answer = try Loop().run("main") { 42 }
    /// ```
    public func run<Success: Sendable>(
        _ name: String = "main", file: StaticString = #fileID, line: UInt = #line,
        _ body: @escaping @Sendable () async throws -> Success
    ) throws -> Success {
        // Each of the three claims the loop for this thread in turn.
        let main = spawn(name, file: file, line: line, body)
        runUntilIdle()
        let result = main.result
        close()
        guard let result else { throw LoopError.neverFinished(main.name) }
        return try result.get()
    }

    /// Called whenever the loop runs out of work: records the end, a deadlock and lints once.
    ///
    /// When `deadlockEndsRun` is false a deadlock is reported but the run stays open, so a
    /// fault or cancellation can still break it and the run goes on (and may end later).
    func noteIdle() {
        guard let verdict = runEnd.verdictWhenIdle(liveTasks: registry.liveTaskCount, pendingIO: io.pending) else {
            return
        }
        switch verdict {
        case .waitingForIO:
            return
        case .deadlock(let endsRun):
            failures.stuckTasks = registry.unfinishedTasks.map(\.name)
            if routesStandardJobs, let unseen = tasksInUnseenAwaits() {
                // Not provably a deadlock: what they await may come from another thread.
                lint("the run stopped with \(unseen) suspended in awaits the loop cannot see into: waiting for "
                    + "another thread (a DispatchQueue, a Thread, real I/O), or for a continuation nothing resumes")
            } else {
                reportDeadlock()
            }
            guard endsRun else { return }
        case .allDone:
            for (task, text) in runEnd.unretrievedFailures {
                lint("\(task.name) failed with \"\(text)\" and nobody awaited it", task: task.id)
            }
        }
        runEnd.markEnded()
        recorder.record(.runEnded, at: nowNanoseconds)
    }

    /// Records a diagnostic line in the trace. One about the loop's own view of the run (not a
    /// hazard in the program) is never a failure, even where lints fail the run.
    func lint(_ text: String, task: TaskID = .none, aboutTheProgram: Bool = true) {
        if aboutTheProgram, failures.lintsFail, failures.firstLint == nil { failures.firstLint = text }
        guard recorder.isEnabled else { return }
        recorder.record(.lint, task: task, arg: Int64(recorder.intern(text).rawValue), at: nowNanoseconds)
    }

    /// True once the loop has nothing left to run and has recorded why.
    public var isFinished: Bool { runEnd.runEndedRecorded }
}

/// Errors the loop itself reports.
public enum LoopError: Error, CustomStringConvertible, Equatable {
    /// The named task never finished: it is deadlocked or waits for something that never comes.
    case neverFinished(String)

    public var description: String {
        switch self {
        case .neverFinished(let name): "\(name) never finished (deadlock or a wait nothing will end)"
        }
    }
}

extension Duration {
    /// The duration in whole nanoseconds, saturating.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        return whole &+ attoseconds / 1_000_000_000
    }
}
