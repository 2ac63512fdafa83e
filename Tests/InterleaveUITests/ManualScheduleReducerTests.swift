import InterleaveTrace
import InterleaveUI
import Testing

/// Scheduling by hand and challenges through the pure reducer.
@Suite struct ManualScheduleReducerTests {
    static let tasks = [TaskID(0), TaskID(1), TaskID(2)]

    /// A live manual run standing at a choice between tasks 1 and 2.
    static func atChoice(made: Int = 0) -> AppState {
        var s = AppState(width: 80, height: 24)
        s.manualSchedule = true
        var facts = WorldFacts(step: 3, latestStep: 3, taskOrder: tasks, eventCount: 12)
        facts.choiceOffer = [TaskID(1), TaskID(2)]
        facts.choicesMade = made
        _ = s.reduce(.worldChanged(facts))
        return s
    }

    @Test func aDigitRunsTheTaskNumberedSo() {
        var s = Self.atChoice()
        #expect(s.awaitingChoice)
        #expect(s.reduce(.chooseReady(2)) == [.choose(1)])
        #expect(s.reduce(.chooseReady(1)) == [.choose(0)])
    }

    @Test func aDigitBeyondTheOfferSaysWhichArePossible() {
        var s = Self.atChoice()
        #expect(s.reduce(.chooseReady(3)) == [])
        #expect(s.status == .message("press 1-2 to choose a ready task"))
    }

    @Test func withoutAManualScheduleADigitExplainsHowToGetOne() {
        var s = AppState(width: 80, height: 24)
        #expect(s.reduce(.chooseReady(1)) == [])
        #expect(s.status == .message("the run schedules itself: m lets you choose which ready task runs"))
    }

    @Test func withNoChoicePendingADigitSaysSo() {
        var s = AppState(width: 80, height: 24)
        s.manualSchedule = true
        _ = s.reduce(.worldChanged(WorldFacts(step: 3, latestStep: 3, taskOrder: Self.tasks)))
        #expect(s.reduce(.chooseReady(1)) == [])
        #expect(s.status == .message("no choice now: only one task is ready"))
    }

    @Test func steppingPastAPendingChoiceAsksForItInstead() {
        var s = Self.atChoice()
        #expect(s.reduce(.stepForward) == [.pause])
        #expect(s.status == .message("your choice first: press 1-2 for the task to run"))
    }

    @Test func enterOnAnOfferedLaneChoosesIt() {
        var s = Self.atChoice()
        s.selected = TaskID(2)
        #expect(s.reduce(.toggleDetail) == [.choose(1)])
        #expect(!s.showDetail)
        // A lane that is not offered opens its details as usual.
        s.selected = TaskID(0)
        #expect(s.reduce(.toggleDetail) == [])
        #expect(s.showDetail)
    }

    @Test func bUndoesTheLastChoiceAndLeftStillStepsBack() {
        let keys = KeyMap(glyphs: .ascii, byHand: true)
        #expect(keys.action(for: .character("b"), mode: .live) == .undoChoice)
        #expect(keys.action(for: .left, mode: .live) == .stepBack)
        #expect(KeyMap(glyphs: .ascii).action(for: .character("b"), mode: .live) == .stepBack)
        var s = Self.atChoice(made: 2)
        #expect(s.reduce(.undoChoice) == [.pause, .undoChoice])
        #expect(s.status == .message("undone: make choice 2 again"))
        var fresh = Self.atChoice(made: 0)
        #expect(fresh.reduce(.undoChoice) == [])
        #expect(fresh.status == .message("no choice made yet to undo"))
    }

    @Test func mTurnsTheManualScheduleOnAndOff() {
        var s = AppState(width: 80, height: 24)
        #expect(s.reduce(.toggleManualSchedule) == [.setManualSchedule(true)])
        #expect(s.manualSchedule)
        #expect(s.reduce(.toggleManualSchedule) == [.setManualSchedule(false)])
        var replay = AppState(replay: true)
        #expect(replay.reduce(.toggleManualSchedule) == [])
        #expect(replay.status == .needsRuntime)
    }

    @Test func mInThePickerSetsHowDemosOpen() {
        let entries = [PickerState.Entry(name: "race", title: "Race", summary: "")]
        var s = AppState(picker: PickerState(entries: entries))
        _ = s.reduce(.toggleManualSchedule)
        #expect(s.picker?.manualSchedule == true)
        _ = s.reduce(.pickerOpen)
        _ = s.reduce(.demoOpened(speed: 1))
        #expect(s.manualSchedule)
        #expect(KeyMap(glyphs: .unicode).action(for: .character("m"), mode: .picker) == .toggleManualSchedule)
    }

    @Test func byHandTheFooterOffersTheDigitsFirstAndBAsUndo() {
        let keys = KeyMap(glyphs: .ascii, byHand: true, challenge: true)
        let footer = keys.footerBindings(mode: .live)
        #expect(footer.first?.action == .chooseReady(0) && footer.first?.footerKey == "1-9")
        #expect(footer.dropFirst().first?.action == .showHint)
        #expect(footer.contains { $0.action == .undoChoice && $0.footer(in: .live) == "undo" })
        // Without a manual schedule the digits and the hint are in the help, not the footer.
        let plain = KeyMap(glyphs: .ascii).footerBindings(mode: .live)
        #expect(!plain.contains { $0.action == .chooseReady(0) || $0.action == .showHint })
        #expect(KeyMap(glyphs: .ascii).helpBindings(mode: .live).contains { $0.action == .chooseReady(0) })
    }

    static let info = ChallengeInfo(
        name: "lost-increment", title: "Lost increment", goal: "Make the counter end at 1", difficulty: "easy",
        hints: ["Both must read before either writes", "Run a, then b, then a"], lesson: "An await splits read from write.",
        minimumChoices: 2)

    @Test func aChallengeIsSolvedWhenTheRunFailsAndSaysInHowManyChoices() {
        var s = Self.atChoice()
        _ = s.reduce(.challengeOpened(Self.info))
        #expect(s.manualSchedule)
        var facts = WorldFacts(step: 9, latestStep: 9, taskOrder: Self.tasks, eventCount: 30)
        facts.choicesMade = 3
        facts.choicesAtFailure = 3
        let effects = s.reduce(.worldChanged(facts))
        #expect(effects.contains(.challengeSolved(name: "lost-increment", choices: 3)))
        #expect(s.mode == .paused)
        #expect(s.challenge?.solvedWith == 3 && s.challenge?.showingSuccess == true)
        #expect(s.challenge?.scoreText == "in 3 choices (the shortest takes 2)")
        // Esc closes the success screen; the challenge stays solved.
        #expect(s.reduce(.backToPicker) == [])
        #expect(s.challenge?.showingSuccess == false && s.challenge?.solvedWith == 3)
        // Stepping back before the failure: not solved in the world shown, and no new score.
        facts.step = 5
        facts.choicesAtFailure = nil
        _ = s.reduce(.worldChanged(facts))
        #expect(s.challenge?.solvedWith == nil)
    }

    @Test func aRunThatEndsShortOfTheGoalSaysHowToTryAgain() {
        var state = Self.atChoice()
        _ = state.reduce(.challengeOpened(Self.info))
        let store = TraceStore()
        var world = WorldState()
        world.ended = true
        let context = ViewContext(store: store, world: world, state: state, theme: .monochrome, glyphs: .ascii)
        #expect(CaptionView(context: context).message.text
            == "the run ended without reaching the goal: b takes back your last choice, r starts again")
    }

    @Test func hintsComeOneAtATime() {
        var s = Self.atChoice()
        _ = s.reduce(.challengeOpened(Self.info))
        #expect(s.challenge?.currentHint == nil)
        _ = s.reduce(.showHint)
        #expect(s.challenge?.currentHint == "Both must read before either writes")
        #expect(s.challenge?.hintOpen == true)
        // Esc closes the box, and so does the next choice.
        #expect(s.reduce(.backToPicker) == [])
        #expect(s.challenge?.hintOpen == false)
        _ = s.reduce(.showHint)
        #expect(s.challenge?.hintOpen == true && s.challenge?.hintsShown == 2)
        let screen = Screen.render(
            store: TraceStore(), world: WorldState(), state: s, theme: .monochrome, glyphs: .ascii, width: 80, height: 24
        ).text()
        #expect(screen.contains("Hint 2 of 2") && screen.contains("Run a, then b, then a"))
        _ = s.reduce(.chooseReady(1))
        #expect(s.challenge?.hintOpen == false)
        #expect(s.challenge?.currentHint == "Run a, then b, then a")
        _ = s.reduce(.showHint)
        #expect(s.status == .message("that was the last hint"))
        #expect(s.challenge?.hintOpen == true, "the last one shows again")
        var plain = AppState()
        _ = plain.reduce(.showHint)
        #expect(plain.status == .message("hints belong to challenges: `interleave challenge`"))
    }

    @Test func aChallengeCannotBeSwitchedToFIFO() {
        var s = Self.atChoice()
        _ = s.reduce(.challengeOpened(Self.info))
        #expect(s.reduce(.toggleManualSchedule) == [])
        #expect(s.manualSchedule)
    }

    @Test func restartForgetsTheSolvedScore() {
        var s = Self.atChoice()
        _ = s.reduce(.challengeOpened(Self.info))
        var facts = WorldFacts(step: 9, latestStep: 9, taskOrder: Self.tasks)
        facts.choicesAtFailure = 2
        _ = s.reduce(.worldChanged(facts))
        _ = s.reduce(.restart)
        #expect(s.challenge?.solvedWith == nil && s.challenge?.showingSuccess == false)
    }
}
