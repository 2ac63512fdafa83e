@testable import Interleave
import InterleaveTrace
import Testing

/// A manual schedule: the loop stops at each choice until its driver makes it.
@Suite struct ManualScheduleTests {
    final class Log: @unchecked Sendable { var names: [String] = [] }

    /// Main spawns a and b, which both become ready at once: the first choice is between them.
    static func spawnTwo(on loop: Loop, log: Log) {
        loop.spawn("main") {
            let a = spawn("a") { log.names.append("a") }
            let b = spawn("b") { log.names.append("b") }
            _ = try await gather(a, b)
            check(log.names != ["b", "a"], "b ran before a")
        }
    }

    @Test func theLoopWaitsAtAChoiceAndRecordsWhatItOffers() throws {
        let loop = Loop(policy: .manual(.fifo))
        let log = Log()
        Self.spawnTwo(on: loop, log: log)
        loop.runUntilIdle()
        #expect(loop.awaitingChoice)
        #expect(log.names.isEmpty, "nothing runs until the choice is made")
        let world = Transcript.fold(loop.store)
        #expect(world.choiceOffer.map { loop.store.taskName($0) } == ["a", "b"])
        #expect(world.choiceNumber == 0)
        let offers = loop.store.events.snapshot().filter { $0.kind == .choiceOffered }
        #expect(offers.count == 2)
        #expect(EventText.describe(offers[1], in: loop.store) == "choice 1 offers b")
        // Running again without a choice records the offer once.
        loop.runUntilIdle()
        #expect(loop.store.events.snapshot().filter { $0.kind == .choiceOffered }.count == 2)

        loop.choose(1)
        loop.runUntilIdle()
        #expect(log.names.first == "b")
        let after = Transcript.fold(loop.store)
        #expect(after.choiceOffer.isEmpty)
        #expect(after.choicesMade >= 1)
        #expect(loop.failure?.description == "b ran before a")
        #expect(loop.failureChoices == after.choicesAtFailure)
        loop.close()
    }

    @Test func aManualRunOfAKnownScheduleMatchesItsReplay() throws {
        let manual = Loop(policy: .manual(Schedule([1, 0, 0, 0])))
        let manualLog = Log()
        Self.spawnTwo(on: manual, log: manualLog)
        while true {
            manual.runUntilIdle()
            guard manual.awaitingChoice else { break }
            manual.choose(0)
        }
        let replay = Loop(policy: .replay(manual.scheduleMade))
        let replayLog = Log()
        Self.spawnTwo(on: replay, log: replayLog)
        replay.runUntilIdle()
        #expect(manualLog.names == replayLog.names)
        #expect(manual.failureChoices == replay.failureChoices)
        #expect(manual.scheduleMade == replay.scheduleMade)
        manual.close()
        replay.close()
    }

    @Test func reexecutingToAStepForgetsTheChoicesAheadOfIt() throws {
        let first = Loop(policy: .manual(.fifo))
        Self.spawnTwo(on: first, log: Log())
        first.runUntilIdle()
        let stepAtChoice = first.steps
        first.choose(1)
        first.runUntilIdle()
        let made = first.scheduleMade
        first.close()
        #expect(made.choices.first == 1)

        let again = Loop(policy: .manual(made))
        let log = Log()
        Self.spawnTwo(on: again, log: log)
        again.reexecute(steps: stepAtChoice, injecting: [])
        again.runUntilIdle()
        #expect(again.awaitingChoice, "the choice after the step returned to is asked again")
        #expect(log.names.isEmpty)
        again.choose(0)
        again.runUntilIdle()
        #expect(log.names.first == "a")
        #expect(again.failure == nil)
        again.close()
    }

    @Test func theTraceAloneGivesBackTheChoicesMadeAndWhereEachWasAsked() {
        let loop = Loop(policy: .manual(.fifo))
        Self.spawnTwo(on: loop, log: Log())
        loop.runUntilIdle()
        let asked = loop.steps
        loop.choose(1)
        while true {
            loop.runUntilIdle()
            guard loop.awaitingChoice else { break }
            loop.choose(0)
        }
        let store = loop.store
        #expect(store.manualChoices(before: store.events.count) == loop.scheduleMade.choices)
        #expect(store.choicesMade(before: store.events.count).first.map { store.taskName($0.chosen) } == "b")
        #expect(store.stepOfChoice(0, before: store.events.count) == asked)
        // Before the first offer's job ran, no choice has been made.
        let firstOffer = store.events.snapshot().firstIndex { $0.kind == .choiceOffered } ?? 0
        #expect(store.manualChoices(before: firstOffer + 2).isEmpty)
        loop.close()
    }

    @Test func closingARunThatAwaitsAChoiceEndsItsTasks() {
        let loop = Loop(policy: .manual(.fifo))
        Self.spawnTwo(on: loop, log: Log())
        loop.runUntilIdle()
        #expect(loop.awaitingChoice)
        #expect(loop.close() == 0)
    }

    @Test func aChoiceBeyondTheReadyJobsTakesTheLast() {
        let loop = Loop(policy: .manual(.fifo))
        let log = Log()
        Self.spawnTwo(on: loop, log: log)
        loop.runUntilIdle()
        loop.choose(7)
        loop.runUntilIdle()
        #expect(log.names.first == "b")
        loop.close()
    }
}
