import InterleaveTrace
import InterleaveUI
import Testing

/// The key table: every key reaches its action, and footer and help come from the same table.
@Suite struct KeyMapTests {
    let keys = KeyMap(glyphs: .unicode)

    static let expected: [(Key, Action)] = [
        (.character(" "), .togglePause),
        (.character("s"), .stepForward), (.right, .stepForward),
        (.character("b"), .stepBack), (.left, .stepBack),
        (.character("n"), .runUntilSelectedTaskEvent),
        (.character("+"), .faster), (.character("-"), .slower),
        (.down, .selectNext), (.character("j"), .selectNext),
        (.up, .selectPrevious), (.character("k"), .selectPrevious),
        (.enter, .toggleDetail),
        (.character("f"), .injectFail), (.character("c"), .injectCancel), (.character("x"), .injectStall),
        (.character("r"), .restart),
        (.tab, .focusNext),
        (.character("?"), .toggleHelp),
        (.character("q"), .quit), (.control("c"), .quitProgram),
        (.character("R"), .toggleRecording),
        (.character("g"), .seekStart), (.character("G"), .seekEnd),
        (.character("["), .previousCaption), (.character("]"), .nextCaption),
        (.character("p"), .backToPicker), (.escape, .backToPicker),
        (.character("P"), .togglePresentation),
        (.pageUp, .pageUp), (.pageDown, .pageDown),
    ]

    @Test(arguments: expected.indices)
    func everyKeyMapsToItsAction(index: Int) {
        let (key, action) = Self.expected[index]
        #expect(keys.action(for: key, mode: .live) == action)
        #expect(keys.action(for: key, mode: .paused) == action)
    }

    @Test func faultsAndRecordingAreOffInReplay() {
        for key in [Key.character("f"), .character("c"), .character("x"), .character("R")] {
            #expect(keys.action(for: key, mode: .replay) == nil)
        }
        #expect(keys.action(for: .character(" "), mode: .replay) == .togglePause)
    }

    @Test func unboundKeysDoNothing() {
        #expect(keys.action(for: .character("z"), mode: .live) == nil)
        #expect(keys.action(for: .function(5), mode: .live) == nil)
    }

    @Test func noKeyIsBoundTwiceInOneMode() {
        for mode in AppState.Mode.allCases {
            let all = keys.bindings.filter { $0.modes.contains(mode) }.flatMap(\.keys)
            #expect(Set(all).count == all.count, "duplicate key in \(mode)")
        }
    }

    @Test func mouseAndResizeBecomeActions() {
        #expect(keys.action(for: .mouse(MouseEvent(kind: .press, x: 3, y: 4)), mode: .live) == .click(x: 3, y: 4))
        #expect(keys.action(for: .mouse(MouseEvent(kind: .wheelUp, x: 1, y: 2)), mode: .live) == .scroll(x: 1, y: 2, lines: -3))
        #expect(keys.action(for: .mouse(MouseEvent(kind: .wheelDown, x: 1, y: 2)), mode: .live) == .scroll(x: 1, y: 2, lines: 3))
        #expect(keys.action(for: .resize(width: 90, height: 30), mode: .paused) == .resize(width: 90, height: 30))
        #expect(keys.action(for: .key(.character("q")), mode: .live) == .quit)
    }

    @Test func labelsNameTheKeysInEitherGlyphSet() {
        let step = keys.bindings.first { $0.action == .stepForward }!
        #expect(step.label == "s/→")
        let ascii = KeyMap(glyphs: .ascii).bindings.first { $0.action == .stepForward }!
        #expect(ascii.label == "s/right")
        #expect(keys.bindings.first { $0.action == .togglePause }!.label == "space")
    }

    @Test func footerAndHelpShowTheSameTable() {
        let store = TraceStore()
        var state = AppState(width: 200, height: 50)
        state.showHelp = true
        let buffer = Screen.render(store: store, world: WorldState(), state: state, theme: .color, glyphs: .unicode, width: 200, height: 50)
        let text = buffer.text()
        for binding in keys.helpBindings(mode: .live) {
            #expect(text.contains(binding.help), "help lacks \(binding.help)")
        }
        let footer = buffer.lines()[49]
        for binding in keys.footerBindings(mode: .live) {
            #expect(footer.contains("\(binding.footerKey) \(binding.footer)"), "footer lacks \(binding.footer)")
        }
    }

    @Test func footerNamesOnlyTheFirstKey() {
        #expect(keys.bindings.first { $0.action == .stepForward }!.footerKey == "s")
        #expect(keys.bindings.first { $0.action == .faster }!.footerKey == "+/-")
    }

    @Test func liveFooterAt120OffersEveryFault() {
        let buffer = Screen.render(
            store: TraceStore(), world: WorldState(), state: AppState(width: 120, height: 40), theme: .color, glyphs: .unicode,
            width: 120, height: 40)
        let footer = buffer.lines()[39]
        for word in ["f fail", "c cancel", "x stall"] { #expect(footer.contains(word), "\(footer)") }
    }

    @Test func pausedReplayFooterOffersNoFaults() {
        var state = AppState(replay: true, width: 120, height: 40)
        _ = state.reduce(.togglePause)
        #expect(state.mode == .paused)
        let buffer = Screen.render(store: TraceStore(), world: WorldState(), state: state, theme: .color, glyphs: .unicode, width: 120, height: 40)
        let footer = buffer.lines()[39]
        #expect(footer.contains("space play"), "\(footer)")
        for word in [" fail", " cancel", " stall"] { #expect(!footer.contains(word), "\(footer)") }
        #expect(keys.footerBindings(mode: .paused, isReplay: true).allSatisfy { $0.modes.contains(.replay) })
    }

    @Test func footerSaysPlayWhilePaused() {
        let store = TraceStore()
        var state = AppState()
        _ = state.reduce(.togglePause)
        let buffer = Screen.render(store: store, world: WorldState(), state: state, theme: .color, glyphs: .unicode, width: 80, height: 24)
        #expect(buffer.lines()[23].hasPrefix(" space play "))
        #expect(buffer.lines()[23].hasSuffix(" ? help  q quit "))
    }

    static let pickerExpected: [(Key, Action)] = [
        (.down, .pickerMove(1)), (.character("j"), .pickerMove(1)),
        (.up, .pickerMove(-1)), (.character("k"), .pickerMove(-1)),
        (.pageDown, .pageDown), (.pageUp, .pageUp),
        (.home, .pickerFirst), (.character("g"), .pickerFirst),
        (.end, .pickerLast), (.character("G"), .pickerLast),
        (.enter, .pickerOpen),
        (.character("?"), .toggleHelp),
        (.character("q"), .quit), (.escape, .quit), (.control("c"), .quitProgram),
    ]

    @Test(arguments: pickerExpected.indices)
    func everyPickerKeyMapsToItsAction(index: Int) {
        let (key, action) = Self.pickerExpected[index]
        #expect(keys.action(for: key, mode: .picker) == action)
    }

    @Test func runKeysAreNotBoundInThePickerNorPickerKeysInARun() {
        for key in [Key.character(" "), .character("s"), .character("f"), .character("r"), .character("p"), .tab] {
            #expect(keys.action(for: key, mode: .picker) == nil, "\(key)")
        }
        for mode in AppState.runModes {
            #expect(keys.bindings.filter { $0.modes.contains(mode) }.allSatisfy { !$0.modes.contains(.picker) })
        }
    }

    @Test func helpListsThePickersKeysInThePickerAndARunsKeysInARun() {
        let picker = keys.helpBindings(mode: .picker)
        #expect(picker.map(\.action).contains(.pickerOpen))
        #expect(picker.allSatisfy { $0.modes == [.picker] })
        #expect(!keys.helpBindings(mode: .paused).contains { $0.modes.contains(.picker) })
        #expect(keys.helpBindings(mode: .replay).contains { $0.action == .injectFail }, "dimmed, but listed")
    }

    @Test func pickerFooterAndHelpComeFromTheKeyMap() {
        let entries = [PickerState.Entry(name: "lock", title: "One at a time", summary: "two coroutines share a lock")]
        var state = AppState(picker: PickerState(entries: entries), width: 80, height: 24)
        var buffer = Screen.render(store: TraceStore(), world: WorldState(), state: state, theme: .color, glyphs: .unicode, width: 80, height: 24)
        let footer = buffer.lines()[23]
        for binding in keys.footerBindings(mode: .picker) {
            #expect(footer.contains("\(binding.footerKey) \(binding.footer)"), "footer lacks \(binding.footer): \(footer)")
        }
        #expect(footer.hasSuffix(" ? help  q quit "), "\(footer)")
        _ = state.reduce(.toggleHelp)
        buffer = Screen.render(store: TraceStore(), world: WorldState(), state: state, theme: .color, glyphs: .unicode, width: 80, height: 24)
        for binding in keys.helpBindings(mode: .picker) {
            #expect(buffer.text().contains(binding.help), "help lacks \(binding.help)")
        }
        #expect(!buffer.text().contains("step one job forward"))
    }

    @Test func qSaysItGoesBackInADemoChosenInThePicker() {
        let picked = KeyMap(glyphs: .unicode, quitReturnsToPicker: true)
        let q = picked.bindings.first { $0.keys.contains(.character("q")) && $0.modes.contains(.live) }!
        #expect(q.action == .quit && q.footer == "back" && q.help == "back to the picker")
        #expect(picked.action(for: .control("c"), mode: .live) == .quitProgram)
        #expect(keys.bindings.first { $0.action == .quit && $0.modes.contains(.live) }!.footer == "quit")
    }
}
