@testable import Interleave
import Testing

/// The virtual clock and its timers, without a loop: order, staleness, cancellation.
@Suite struct TimerQueueTests {
    /// Pops every due action's label, the way the loop fires them.
    private func fireDue(_ timers: inout TimerQueue, _ fired: Box) {
        while let action = timers.popDue() {
            if case .run(let body) = action { body() }
            if case .cancellable(let handle) = action { handle.action() }
            if case .wake(let task, _) = action { fired.labels.append("wake \(task.name)") }
        }
    }

    private final class Box { var labels: [String] = [] }

    @Test func firesByDeadlineThenInTheOrderAdded() {
        var timers = TimerQueue()
        let fired = Box()
        timers.add(at: 20, .run { fired.labels.append("b") })
        timers.add(at: 10, .run { fired.labels.append("a") })
        timers.add(at: 20, .run { fired.labels.append("c") })
        let first = timers.nextDeadline()
        #expect(first == 10)
        timers.now = 20
        fireDue(&timers, fired)
        #expect(fired.labels == ["a", "b", "c"])
        let none = timers.nextDeadline()
        #expect(none == nil)
    }

    @Test func firesNothingBeforeItsDeadline() {
        var timers = TimerQueue()
        timers.add(at: 5, .run {})
        timers.now = 4
        let due = timers.popDue()
        #expect(due == nil)
        #expect(timers.count == 1)
    }

    @Test func aWaitThatEndedOtherwiseNeitherFiresNorMovesTheClock() {
        var timers = TimerQueue()
        let sleeper = TaskRecord(id: TaskID(0), name: "sleeper")
        timers.add(at: 5, .wake(sleeper, generation: sleeper.waitGeneration))
        timers.add(at: 9, .run {})
        sleeper.waitGeneration &+= 1   // woken some other way (cancelled, say)
        let next = timers.nextDeadline()
        #expect(next == 9, "the stale wake is skipped")
        #expect(timers.count == 1, "and dropped")
    }

    @Test func aLiveWakeIsHandedBack() {
        var timers = TimerQueue()
        let fired = Box()
        let sleeper = TaskRecord(id: TaskID(0), name: "sleeper")
        timers.add(at: 5, .wake(sleeper, generation: sleeper.waitGeneration))
        timers.now = 5
        fireDue(&timers, fired)
        #expect(fired.labels == ["wake sleeper"])
    }

    @Test func aCancelledTimeoutNeitherFiresNorMovesTheClockAndAFiredOneIsSpent() {
        var timers = TimerQueue()
        let fired = Box()
        let calledOff = TimerHandle { fired.labels.append("called off") }
        let kept = TimerHandle { fired.labels.append("kept") }
        timers.add(at: 3, .cancellable(calledOff))
        timers.add(at: 7, .cancellable(kept))
        calledOff.cancel()
        let next = timers.nextDeadline()
        #expect(next == 7)
        timers.now = 7
        fireDue(&timers, fired)
        #expect(fired.labels == ["kept"])
        #expect(kept.isCancelled, "a fired timeout cannot be fired again")
    }

    @Test func whatAnEarlierTimerDoesIsSeenByTheLaterOnes() {
        var timers = TimerQueue()
        let fired = Box()
        let later = TimerHandle { fired.labels.append("later") }
        timers.add(at: 1, .run { later.cancel() })
        timers.add(at: 1, .cancellable(later))
        timers.now = 1
        fireDue(&timers, fired)
        #expect(fired.labels.isEmpty, "the first timer called off the second before it was taken")
    }
}
