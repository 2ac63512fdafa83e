/// Every key binding of the UI, in the order the help overlay lists them and the footer
/// offers them (bubbles' `key.WithHelp` + `help.KeyMap`): a run's keys, then the picker's.
///
/// ```swift
/// let keys = KeyMap(glyphs: .unicode)
/// keys.action(for: .character(" "), mode: .live)   // .togglePause
/// keys.action(for: .enter, mode: .picker)          // .pickerOpen
/// ```
public struct KeyMap: Sendable, Equatable {
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) { self.bindings = bindings }

    /// The standard bindings, with key names drawn in `glyphs` (arrows, or words in ASCII).
    /// `quitReturnsToPicker` words `q` for a demo chosen in the picker, which it goes back to;
    /// `byHand` (a manual schedule) offers the digits and `b` as undo first in the footer, and
    /// `challenge` the hint key after them.
    public init(glyphs: Glyphs = .unicode, quitReturnsToPicker: Bool = false, byHand: Bool = false, challenge: Bool = false) {
        let runtime: Set<AppState.Mode> = [.live, .paused]
        func bind(
            _ keys: [Key], _ help: String, _ footer: String, _ action: Action, footer show: Bool = true,
            modes: Set<AppState.Mode> = AppState.runModes, footerLabel: String? = nil,
            footerByMode: [AppState.Mode: String] = [:], label: String? = nil
        ) -> KeyBinding {
            KeyBinding(
                keys: keys, label: label, help: help, footer: footer, action: action, showInFooter: show, modes: modes,
                footerLabel: footerLabel, footerByMode: footerByMode, glyphs: glyphs)
        }
        let upDown = glyphs == .ascii ? "j/k" : "↑↓"
        bindings = [
            bind([.character(" ")], "pause or resume", "pause", .togglePause, footerByMode: [.paused: "play"]),
            bind([.character("s"), .right], "step one job forward", "step", .stepForward),
            // By hand, `b` undoes a choice instead (bound below).
            bind(byHand ? [.left] : [.character("b"), .left], "step one job back", "back", .stepBack),
            bind([.character("n")], "run to task's next event", "next", .runUntilSelectedTaskEvent),
            bind([.character("+"), .character("=")], "faster (double speed)", "speed", .faster, footerLabel: "+/-"),
            bind([.character("-"), .character("_")], "slower (half speed)", "slower", .slower, footer: false),
            bind([.down, .character("j")], "next task (or scroll)", "select", .selectNext, footerLabel: upDown),
            bind([.up, .character("k")], "previous task (or scroll)", "select", .selectPrevious, footer: false),
            bind([.enter], "task details on/off", "details", .toggleDetail),
            bind([.character("f")], "make selected task fail", "fail", .injectFail, modes: runtime),
            bind([.character("c")], "cancel selected task", "cancel", .injectCancel, modes: runtime),
            bind([.character("x")], "make task block the loop", "stall", .injectStall, modes: runtime),
            bind([.character("r")], "restart the run", "restart", .restart),
            bind([.character("e")], "explore: find a failure", "explore", .explore, footer: false),
            bind([.character("m")], "manual schedule on/off", "manual", .toggleManualSchedule,
                 footer: false, modes: runtime),
            bind([.tab], "focus the next pane", "focus", .focusNext, footer: false),
            bind([.pageUp], "scroll pane up a page", "page up", .pageUp, footer: false),
            bind([.pageDown], "scroll pane down a page", "page down", .pageDown, footer: false),
            bind([.character("g"), .home], "go to the first step", "start", .seekStart, footer: false),
            bind([.character("G"), .end], "go to the newest step", "end", .seekEnd, footer: false),
            bind([.character("[")], "previous caption", "captions", .previousCaption, footerLabel: "[/]"),
            bind([.character("]")], "next caption", "next caption", .nextCaption, footer: false),
            bind([.character("R")], "start/stop recording", "record", .toggleRecording, footer: false, modes: runtime),
            bind([.character("P")], "presentation mode on/off", "present", .togglePresentation, footer: false),
            bind([.character("p"), .escape], "back to demo picker", "picker", .backToPicker, footer: false),
            bind([.character("?")], "this help on/off", "help", .toggleHelp),
            quitReturnsToPicker
                ? bind([.character("q")], "back to the picker", "back", .quit)
                : bind([.character("q")], "quit", "quit", .quit),
            bind([.control("c")], "quit Interleave", "quit", .quitProgram, footer: false),
        ] + Self.pickerBindings(glyphs: glyphs)
        // By hand, choosing is what the keys are for now: first in the footer.
        let byHandBindings = [
            bind((1...9).map { .character(Character(String($0))) }, "choose which task runs",
                 "choose", .chooseReady(0), footer: byHand, modes: runtime, footerLabel: "1-9", label: "1-9"),
            bind([.character("i")], "a hint (challenges)", "hint", .showHint, footer: challenge, modes: runtime),
            bind([.character("b")], "undo your last choice (manual)", "undo", .undoChoice, footer: byHand, modes: runtime),
        ]
        let afterExplore = bindings.firstIndex { $0.action == .explore }.map { $0 + 1 } ?? bindings.count
        bindings.insert(contentsOf: byHandBindings, at: byHand ? 0 : afterExplore)
        if !byHand { bindings.removeAll { $0.action == .undoChoice } }
    }

    /// The action for a key in a mode, if one is bound.
    public func action(for key: Key, mode: AppState.Mode) -> Action? {
        let action = bindings.first { $0.keys.contains(key) && $0.modes.contains(mode) }?.action
        // One binding stands for all the digits: the key pressed says which item.
        if case .presentDigit = action, case .character(let c) = key, let digit = c.wholeNumberValue {
            return .presentDigit(digit)
        }
        if case .chooseReady = action, case .character(let c) = key, let digit = c.wholeNumberValue {
            return .chooseReady(digit)
        }
        if case .predictAnswer = action, case .character(let c) = key, let digit = c.wholeNumberValue {
            return .predictAnswer(digit)
        }
        return action
    }

    /// The action for any input: keys through the table, clicks, wheel turns and resizes directly.
    public func action(for event: InputEvent, mode: AppState.Mode) -> Action? {
        switch event {
        case .key(let key): action(for: key, mode: mode)
        case .mouse(let mouse):
            switch mouse.kind {
            case .press: .click(x: mouse.x, y: mouse.y)
            case .wheelUp: .scroll(x: mouse.x, y: mouse.y, lines: -3)
            case .wheelDown: .scroll(x: mouse.x, y: mouse.y, lines: 3)
            }
        case .resize(let width, let height): .resize(width: width, height: height)
        }
    }

    /// The bindings the footer offers in `mode`, in table order.
    ///
    /// A paused recording is `.paused` like a paused live run, but keys that need a runtime
    /// (those not bound in `.replay`: the faults) cannot work there, so `isReplay` leaves them
    /// out; pressed anyway, they still answer why not.
    public func footerBindings(mode: AppState.Mode, isReplay: Bool = false) -> [KeyBinding] {
        bindings.filter { $0.showInFooter && $0.modes.contains(mode) && (!isReplay || $0.modes.contains(.replay)) }
    }

    /// The bindings the help overlay lists in `mode`: the picker's in the picker, else every
    /// binding of a run (those that do nothing in `mode` are shown dimmed).
    public func helpBindings(mode: AppState.Mode) -> [KeyBinding] {
        let screen: Set<AppState.Mode> = mode == .picker ? [.picker] : AppState.runModes
        return bindings.filter { !$0.modes.isDisjoint(with: screen) }
    }
}
