import InterleaveTrace
import InterleaveUI
import Testing

/// The picker as a mode of the app state: moving the highlight, choosing a demo, the switch
/// into its run and back, and quitting, all through the pure reducer.
@Suite struct PickerReducerTests {
    static let entries = (0..<10).map { PickerState.Entry(name: "demo\($0)", title: "Demo \($0)", summary: "about \($0)") }

    static func picker(highlighting name: String? = nil, height: Int = 24) -> AppState {
        AppState(picker: PickerState(entries: entries, highlighting: name), width: 80, height: height)
    }

    /// The state of a demo chosen in the picker, as the driver leaves it once the run started.
    static func demoChosen(at index: Int) -> AppState {
        var state = picker()
        _ = state.reduce(.pickerMove(index))
        #expect(state.reduce(.pickerOpen) == [.openDemo("demo\(index)")])
        _ = state.reduce(.demoOpened(speed: 0.5))
        return state
    }

    @Test func opensOnTheFirstDemoOrTheOneNamed() {
        #expect(Self.picker().picker?.selected == 0)
        #expect(Self.picker().mode == .picker)
        #expect(Self.picker(highlighting: "demo7").picker?.highlighted?.name == "demo7")
        #expect(Self.picker(highlighting: "no such demo").picker?.selected == 0)
    }

    @Test func upAndDownMoveOneAndStopAtTheEnds() {
        var s = Self.picker()
        #expect(s.reduce(.pickerMove(-1)) == [])
        #expect(s.picker?.selected == 0)
        _ = s.reduce(.pickerMove(1))
        _ = s.reduce(.pickerMove(1))
        #expect(s.picker?.selected == 2)
        _ = s.reduce(.pickerMove(Int.max))
        #expect(s.picker?.selected == 9)
        _ = s.reduce(.pickerMove(Int.min))
        #expect(s.picker?.selected == 0)
    }

    @Test func homeAndEndGoToTheFirstAndLastDemo() {
        var s = Self.picker(highlighting: "demo4")
        _ = s.reduce(.pickerLast)
        #expect(s.picker?.selected == 9)
        _ = s.reduce(.pickerFirst)
        #expect(s.picker?.selected == 0)
    }

    @Test func pagesAndTheWheelMoveThroughTheList() {
        // 12 rows: the list shows 7 demos, and a page moves 6 so one stays in view.
        var s = Self.picker(height: 12)
        _ = s.reduce(.pageDown)
        #expect(s.picker?.selected == 6)
        _ = s.reduce(.pageUp)
        #expect(s.picker?.selected == 0)
        _ = s.reduce(.scroll(x: 5, y: 5, lines: 3))
        #expect(s.picker?.selected == 1, "one demo per wheel notch")
    }

    @Test func aClickHighlightsTheDemoOnThatRow() {
        var s = Self.picker()
        _ = s.reduce(.click(x: 10, y: 2 + 3))
        #expect(s.picker?.selected == 3)
        _ = s.reduce(.click(x: 10, y: 0))
        #expect(s.picker?.selected == 3, "the title bar is not a row")
    }

    @Test func enterAsksTheDriverForTheHighlightedDemoAndTheRunStartsWhenItReports() {
        var s = Self.picker()
        _ = s.reduce(.pickerMove(2))
        #expect(s.reduce(.pickerOpen) == [.openDemo("demo2")])
        #expect(s.mode == .picker, "still the picker until the driver has started the run")
        #expect(s.reduce(.demoOpened(speed: 0.25)) == [])
        #expect(s.mode == .live)
        #expect(s.speed == 0.25)
        #expect(s.returnsToPicker)
        #expect(s.picker?.selected == 2)
    }

    @Test func qInADemoChosenThereGoesBackToThePickerAsItWas() {
        var s = Self.demoChosen(at: 4)
        _ = s.reduce(.togglePause)
        _ = s.reduce(.toggleHelp)
        #expect(s.reduce(.quit) == [.backToPicker])
        #expect(s.mode == .picker)
        #expect(s.picker?.selected == 4)
        #expect(!s.showHelp && !s.shouldQuit && !s.returnsToPicker)
        #expect(s.reduce(.quit) == [.quit])
        #expect(s.shouldQuit)
    }

    @Test func controlCEndsTheProgramFromADemoChosenInThePicker() {
        var s = Self.demoChosen(at: 1)
        #expect(s.reduce(.quitProgram) == [.quit])
        #expect(s.shouldQuit)
    }

    @Test func qInADemoOpenedByNameQuits() {
        // `interleave demo NAME`: the session has a picker (p goes there) but did not start in it.
        var s = AppState(width: 80, height: 24)
        s.picker = PickerState(entries: Self.entries, highlighting: "demo3")
        #expect(s.reduce(.quit) == [.quit])
    }

    @Test func escapeFromADemoOpenedByNameGoesToThePickerOnThatDemo() {
        var s = AppState(width: 80, height: 24)
        s.picker = PickerState(entries: Self.entries, highlighting: "demo3")
        #expect(s.reduce(.backToPicker) == [.backToPicker])
        #expect(s.mode == .picker)
        #expect(s.picker?.highlighted?.name == "demo3")
        // A demo chosen there now closes back to the picker.
        #expect(s.reduce(.pickerOpen) == [.openDemo("demo3")])
        _ = s.reduce(.demoOpened(speed: 1))
        #expect(s.reduce(.quit) == [.backToPicker])
    }

    @Test func escapeClosesTheHelpBeforeItQuitsThePicker() {
        var s = Self.picker()
        _ = s.reduce(.toggleHelp)
        #expect(s.showHelp)
        #expect(s.reduce(.backToPicker) == [])
        #expect(!s.showHelp)
        #expect(s.reduce(.backToPicker) == [.quit])
        var other = Self.picker()
        #expect(other.reduce(.quitProgram) == [.quit])
    }

    @Test func runKeysDoNothingInThePicker() {
        let before = Self.picker(highlighting: "demo5")
        for action: Action in [.togglePause, .stepForward, .injectFail, .restart, .toggleRecording, .seekEnd, .selectNext] {
            var s = before
            #expect(s.reduce(action) == [], "\(action)")
            #expect(s == before, "\(action)")
        }
    }

    @Test func anEmptyCatalogueCanOnlyBeQuit() {
        var s = AppState(picker: PickerState(entries: []))
        _ = s.reduce(.pickerLast)
        _ = s.reduce(.pickerMove(1))
        #expect(s.picker?.selected == 0)
        #expect(s.reduce(.pickerOpen) == [])
        #expect(s.reduce(.quit) == [.quit])
    }

    @Test func theRunStartsAfreshEachTime() {
        var s = Self.demoChosen(at: 0)
        _ = s.reduce(.faster)
        _ = s.reduce(.worldChanged(WorldFacts(step: 9, latestStep: 9, taskOrder: [TaskID(0)], ended: true, eventCount: 40, resourceCount: 1)))
        _ = s.reduce(.quit)
        _ = s.reduce(.pickerOpen)
        _ = s.reduce(.demoOpened(speed: 1))
        #expect(s.speed == 1 && s.step == 0 && !s.ended && s.taskOrder.isEmpty && s.mode == .live)
    }

    @Test func resizingThePickerKeepsItsSizeForTheRun() {
        var s = Self.picker()
        _ = s.reduce(.resize(width: 120, height: 40))
        _ = s.reduce(.pickerOpen)
        _ = s.reduce(.demoOpened(speed: 1))
        #expect(s.width == 120 && s.height == 40)
    }

    @Test func aSessionWithoutAPickerLeavesTheMoveToTheDriver() {
        // A replay or your own workload: Esc asks the driver, which ends the session.
        var s = AppState(replay: true)
        #expect(s.reduce(.backToPicker) == [.backToPicker])
        #expect(s.mode == .replay)
    }
}
