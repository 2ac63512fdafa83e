import InterleaveTrace

/// Something the user (or the driver) asks of the UI; `AppState.reduce` turns it into state
/// changes and `Effect`s.
///
/// Keys map to actions through `KeyMap`, so the reducer never sees raw keys.
/// ```swift
/// let effects = state.reduce(.stepForward)   // [.pause, .step(1)]
/// ```
public enum Action: Sendable, Equatable {
    case togglePause
    case stepForward
    case stepBack
    /// Run until the selected task's next event.
    case runUntilSelectedTaskEvent
    case faster
    case slower
    case selectNext
    case selectPrevious
    case toggleDetail
    case injectFail
    case injectCancel
    case injectStall
    case restart
    case focusNext
    case toggleHelp
    /// `q`: back to the picker when the run was chosen there, else end the program.
    case quit
    /// Ctrl-C: end the program from anywhere.
    case quitProgram
    case toggleRecording
    case seekStart
    case seekEnd
    case previousCaption
    case nextCaption
    /// Esc / `p`: closes an overlay if one is open, else goes back to the demo picker.
    case backToPicker
    /// Picker: move the highlight this many demos (negative = up), stopping at the ends.
    case pickerMove(Int)
    case pickerFirst
    case pickerLast
    /// Picker: run the highlighted demo.
    case pickerOpen
    /// The driver started the demo chosen in the picker, to play at `speed`.
    case demoOpened(speed: Double)
    case togglePresentation
    /// Scrolls the focused pane by a page.
    case pageUp
    case pageDown
    /// A mouse click at a cell: selects the lane there, or focuses the pane there.
    case click(x: Int, y: Int)
    /// A wheel turn over a cell: scrolls the pane there by `lines` (negative = up).
    case scroll(x: Int, y: Int, lines: Int)
    case resize(width: Int, height: Int)
    /// The driver moved the world (new events, a seek); keeps selection and notes in step.
    case worldChanged(WorldFacts)
    /// The driver's status timer ran out.
    case clearStatus
    /// `e`: search for a failing continuation of the run from the viewed step (again: cancel).
    case explore
    /// The driver's search (or its refusal to start one) came back.
    case exploreFinished(ExploreResult)
    /// Presentation: go on from a stop (to the next stop or item), or skip ahead to the next stop.
    case presentNext
    /// Presentation: back to the previous stop, or to the end of the previous item.
    case presentBack
    /// Presentation: a digit of an item's number; items are numbered from 1, and two digits in a
    /// row make a two-digit number ("1" then "2": item 12) when the playlist has that many.
    case presentDigit(Int)
    /// Presentation: the driver put a playlist item on screen, to play at `speed`.
    case presentationItemLoaded(PresentationDeck, speed: Double)
    /// Manual schedule: a digit, run the task numbered so at the pending choice (from 1).
    case chooseReady(Int)
    /// `m`: schedule by hand from here on, or go back to FIFO (in the picker: for the demos opened).
    case toggleManualSchedule
    /// `b` under a manual schedule: back to the last choice made, to make it again.
    case undoChoice
    /// `i`: the challenge's next hint.
    case showHint
    /// The driver opened a challenge's run (after `.demoOpened`, or at the start of the session).
    case challengeOpened(ChallengeInfo)
    /// Predict mode: answer the question on screen with option `number` (1-based).
    case predictAnswer(Int)
    /// Predict mode: go on from a revealed answer.
    case predictContinue
    /// The driver made the run's predictions (nil: this run asks nothing).
    case predictionsLoaded(PredictionSession?)
}
