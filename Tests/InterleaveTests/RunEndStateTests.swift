@testable import Interleave
import Testing

/// How a run ends, without a loop: verdicts when idle, deadlock reports, forgotten failures.
@Suite struct RunEndStateTests {
    private func task(_ index: Int, _ name: String) -> TaskRecord { TaskRecord(id: TaskID(index), name: name) }

    @Test func anIdleLoopEndsItsRunWhenEveryTaskFinishedAndOnlyOnce() {
        var run = RunEndState()
        run.begin(with: task(0, "main"))
        #expect(run.verdictWhenIdle(liveTasks: 0, pendingIO: 0) == .allDone)
        run.markEnded()
        #expect(run.verdictWhenIdle(liveTasks: 0, pendingIO: 0) == nil)
    }

    @Test func tasksLeftWithIOPendingAreNotADeadlock() {
        var run = RunEndState()
        run.begin(with: task(0, "main"))
        #expect(run.verdictWhenIdle(liveTasks: 2, pendingIO: 1) == .waitingForIO)
        #expect(run.verdictWhenIdle(liveTasks: 2, pendingIO: 0) == .deadlock(endsRun: true))
        run.deadlockEndsRun = false
        #expect(run.verdictWhenIdle(liveTasks: 2, pendingIO: 0) == .deadlock(endsRun: false))
    }

    @Test func aDeadlockIsReportedOnceUntilTheRunMovesOn() {
        var run = RunEndState()
        let first = run.shouldReportDeadlock(atStep: 7)
        let again = run.shouldReportDeadlock(atStep: 7)
        let afterProgress = run.shouldReportDeadlock(atStep: 9)
        #expect(first)
        #expect(!again, "nothing ran since: the same deadlock")
        #expect(afterProgress, "someone broke it and the run got stuck anew")
    }

    @Test func onlyFailuresNobodyAwaitedAreOwedAndNeverTheRootsOwn() {
        var run = RunEndState()
        let main = task(0, "main"), awaited = task(1, "awaited"), forgotten = task(2, "forgotten")
        run.begin(with: main)
        run.noteFailure(of: main, "boom")
        run.noteFailure(of: awaited, "bang")
        run.noteFailure(of: forgotten, "crash")
        awaited.outcomeRetrieved = true
        #expect(run.unretrievedFailures.isEmpty, "nothing is owed while the root still runs")
        main.outcome = .returned
        #expect(run.unretrievedFailures.map(\.0.name) == ["forgotten"])
        #expect(run.unretrievedFailures.map(\.1) == ["crash"])
    }

    @Test func aNewRunForgetsTheOneBeforeButKeepsHowDeadlocksEndIt() {
        var run = RunEndState()
        run.begin(with: task(0, "first"))
        run.deadlockEndsRun = false
        run.hasIntervention = true
        run.noteFailure(of: task(1, "lost"), "error")
        _ = run.shouldReportDeadlock(atStep: 3)
        run.markEnded()
        run.close()
        #expect(!run.isOpen)
        run.begin(with: task(2, "second"))
        #expect(run.isOpen && run.rootTask?.name == "second")
        #expect(!run.runEndedRecorded && !run.hasIntervention && run.failures.isEmpty)
        let news = run.shouldReportDeadlock(atStep: 3)
        #expect(news, "a deadlock of the new run is news")
        #expect(!run.deadlockEndsRun)
    }
}
