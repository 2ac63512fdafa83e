import InterleaveTrace
import InterleaveUI
import Testing

/// Predict mode through the pure reducer: ask at a question's position, answer with a digit,
/// reveal, go on, score; never step past a question that has not been answered.
@Suite struct PredictReducerTests {
    /// "Which task runs next?" after 10 events (right: option 2, "task1"), and a print after 30.
    static let questions = [
        PredictionQuestion(
            position: 10, kind: .nextTask, prompt: "Which task runs next?", options: ["task2", "task1"], answer: 1,
            explanation: "asyncio runs ready tasks in the order they became ready: task1 was ready first"),
        PredictionQuestion(
            position: 30, kind: .output, prompt: "What does main print next?", options: ["done", "start", "retry"],
            answer: 0, explanation: "main reaches this print in its next step", reveal: 33),
    ]

    static func facts(at events: Int) -> WorldFacts {
        WorldFacts(step: events / 2, latestStep: 25, taskOrder: [TaskID(0), TaskID(1)], eventCount: events)
    }

    /// A replay with predictions, playing from the start.
    static func predicting(presentation: Bool = false) -> AppState {
        var state = AppState(replay: true, width: 80, height: 24)
        if presentation {
            let deck = PresentationDeck(itemIndex: 0, itemCount: 3, title: "Gather", stops: [20, 50])
            _ = state.reduce(.presentationItemLoaded(deck, speed: 1))
        }
        _ = state.reduce(.predictionsLoaded(PredictionSession(questions: questions)))
        _ = state.reduce(.worldChanged(facts(at: 0)))
        return state
    }

    @Test func arrivingAtAQuestionPausesAndAsks() {
        var s = Self.predicting()
        #expect(s.reduce(.worldChanged(Self.facts(at: 9))) == [])
        #expect(s.prediction?.phase == .watching)
        #expect(s.reduce(.worldChanged(Self.facts(at: 10))) == [.pause])
        #expect(s.mode == .paused)
        #expect(s.prediction?.phase == .asking)
        #expect(s.prediction?.current?.prompt == "Which task runs next?")
        #expect(s.prediction?.pendingPosition == 10)
    }

    @Test func aDigitAnswersAndTheRevealShowsTheAnswerHappening() {
        var s = Self.predicting()
        _ = s.reduce(.worldChanged(Self.facts(at: 10)))
        #expect(s.reduce(.predictAnswer(2)) == [.seekToEvent(11)])
        #expect(s.prediction?.phase == .revealed(chosen: 1))
        #expect(s.prediction?.revealedRight == true)
        #expect(s.prediction?.right == 1 && s.prediction?.asked == 1)
        // The view moving to the reveal keeps the answer on screen.
        #expect(s.reduce(.worldChanged(Self.facts(at: 11))) == [])
        #expect(s.prediction?.isHolding == true)
        #expect(s.reduce(.predictContinue) == [.resume])
        #expect(s.mode == .replay)
        #expect(s.prediction?.phase == .watching)
        #expect(s.prediction?.pendingPosition == 30)
    }

    @Test func aWrongAnswerCountsAndTheScoreShowsAtTheEnd() {
        var s = Self.predicting()
        _ = s.reduce(.worldChanged(Self.facts(at: 10)))
        _ = s.reduce(.predictAnswer(1))
        #expect(s.prediction?.revealedRight == false)
        _ = s.reduce(.predictContinue)
        _ = s.reduce(.worldChanged(Self.facts(at: 30)))
        #expect(s.reduce(.predictAnswer(1)) == [.seekToEvent(33)])
        #expect(s.prediction?.scoreText == "You predicted 1 of 2 right")
        _ = s.reduce(.predictContinue)
        #expect(s.prediction?.pendingPosition == nil)
    }

    @Test func stepsForwardAreRefusedWhileAsking() {
        var s = Self.predicting()
        _ = s.reduce(.worldChanged(Self.facts(at: 10)))
        for action: Action in [.stepForward, .togglePause, .seekEnd, .nextCaption, .runUntilSelectedTaskEvent, .predictContinue] {
            #expect(s.reduce(action) == [], "\(action)")
            #expect(s.prediction?.phase == .asking)
            #expect(s.status == .message("answer first: press 1-2"))
        }
        #expect(s.mode == .paused)
    }

    @Test func anOptionThatDoesNotExistIsNotAnAnswer() {
        var s = Self.predicting()
        _ = s.reduce(.worldChanged(Self.facts(at: 10)))
        #expect(s.reduce(.predictAnswer(3)) == [])
        #expect(s.reduce(.predictAnswer(0)) == [])
        #expect(s.prediction?.phase == .asking)
        #expect(s.prediction?.asked == 0)
    }

    @Test func helpAndQuitStillWorkWhileAsking() {
        var s = Self.predicting()
        _ = s.reduce(.worldChanged(Self.facts(at: 10)))
        _ = s.reduce(.toggleHelp)
        #expect(s.showHelp)
        _ = s.reduce(.backToPicker)
        #expect(!s.showHelp)
        // Esc with nothing to close does not leave the run.
        #expect(s.reduce(.backToPicker) == [])
        #expect(s.reduce(.resize(width: 100, height: 30)) == [])
        #expect(s.prediction?.phase == .asking)
        #expect(s.reduce(.quit) == [.quit])
    }

    @Test func goingBackLeavesTheQuestionAndAsksItAgainOnTheWayForward() {
        var s = Self.predicting()
        _ = s.reduce(.worldChanged(Self.facts(at: 10)))
        #expect(s.reduce(.stepBack) == [.stepBack(1)])
        #expect(s.prediction?.phase == .watching)
        _ = s.reduce(.worldChanged(Self.facts(at: 9)))
        #expect(s.prediction?.pendingPosition == 10)
        #expect(s.reduce(.worldChanged(Self.facts(at: 10))) == [])
        #expect(s.prediction?.phase == .asking)
    }

    @Test func restartAsksEveryQuestionAgain() {
        var s = Self.predicting()
        _ = s.reduce(.worldChanged(Self.facts(at: 10)))
        _ = s.reduce(.predictAnswer(2))
        #expect(s.reduce(.restart) == [.restart])
        #expect(s.prediction?.asked == 0)
        #expect(s.prediction?.pendingPosition == 10)
    }

    @Test func aViewThatJumpedPastAQuestionPassesItUnasked() {
        var s = Self.predicting()
        _ = s.reduce(.worldChanged(Self.facts(at: 20)))
        #expect(s.prediction?.pendingPosition == 30)
        #expect(s.prediction?.asked == 0)
    }

    @Test func inAPresentationDigitsAnswerTheQuestionInsteadOfJumpingToAnItem() {
        var s = Self.predicting(presentation: true)
        #expect(s.reduce(.worldChanged(Self.facts(at: 10))) == [.pause])
        #expect(s.reduce(.presentDigit(2)) == [.seekToEvent(11)])
        #expect(s.deck?.itemIndex == 0)
        #expect(s.prediction?.revealedRight == true)
        _ = s.reduce(.worldChanged(Self.facts(at: 11)))
        // Going on plays to the next stop, as space does in a presentation.
        #expect(s.reduce(.predictContinue) == [.resume])
        #expect(s.reduce(.presentNext) == [.pause, .seekToEvent(20)])
    }

    @Test func inAPresentationNextIsRefusedWhileAsking() {
        var s = Self.predicting(presentation: true)
        _ = s.reduce(.worldChanged(Self.facts(at: 10)))
        #expect(s.reduce(.presentNext) == [])
        #expect(s.prediction?.phase == .asking)
    }

    @Test func theQuestionKeysAnswerAndGoOn() {
        let asking = KeyMap.predict(glyphs: .ascii, options: 3, revealed: false)
        #expect(asking.action(for: .character("2"), mode: .paused) == .predictAnswer(2))
        #expect(asking.action(for: .character("3"), mode: .paused) == .predictAnswer(3))
        #expect(asking.action(for: .character("4"), mode: .paused) == nil)
        #expect(asking.action(for: .character(" "), mode: .paused) == nil)
        #expect(asking.action(for: .character("?"), mode: .paused) == .toggleHelp)
        #expect(asking.action(for: .character("q"), mode: .paused) == .quit)
        let revealed = KeyMap.predict(glyphs: .ascii, options: 3, revealed: true)
        #expect(revealed.action(for: .character(" "), mode: .paused) == .predictContinue)
        #expect(revealed.action(for: .right, mode: .paused) == .predictContinue)
        #expect(revealed.action(for: .character("1"), mode: .paused) == nil)
        #expect(asking.footerBindings(mode: .paused).first?.footerKey == "1-3")
    }
}
