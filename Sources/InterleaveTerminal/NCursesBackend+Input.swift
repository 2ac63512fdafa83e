import CNCurses
import InterleaveUI

extension NCursesBackend {
    /// Waits up to `timeoutMilliseconds` (negative: forever) for a key, a mouse event or a resize.
    ///
    /// Returns nil on timeout, when a signal cut the wait short, and for input the UI has no
    /// name for. It also serves Ctrl-Z: a pending suspend request stops the process here, and
    /// after it continues the first event is a `.resize` with the current size, so the UI lays
    /// out and draws a whole frame again.
    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        guard !isRestored else { return nil }
        if TerminalSignals.takeSuspendRequest() {
            suspend()
        } else if TerminalSignals.takeContinued() {
            // Stopped and continued from outside (kill -STOP, a debugger): the shell may have
            // reset the tty, so leave and re-enter full-screen mode to set everything again.
            endwin()
            resumeScreen()
        }
        if !queuedEvents.isEmpty { return queuedEvents.removeFirst() }

        wtimeout(window, Int32(clamping: timeoutMilliseconds))
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if status == OK, code == Self.escapeCode { return escapeSequenceEvent() }
        return event(for: KeyDecoder.decode(status: status, code: code))
    }

    /// The event for a decoded input, after asking ncurses for the new size or the mouse report.
    private func event(for input: DecodedInput?) -> InputEvent? {
        switch input {
        case .key(let key):
            return .key(key)
        case .resize:
            size = currentSize()
            invalidate()
            return .resize(width: size.width, height: size.height)
        case .mouse:
            var event = MEVENT()
            guard getmouse(&event) == OK, let kind = KeyDecoder.mouseKind(buttonState: event.bstate) else {
                return nil
            }
            return .mouse(MouseEvent(kind: kind, x: Int(event.x), y: Int(event.y)))
        case nil:
            return nil
        }
    }

    /// After a bare ESC: reads the rest of an escape sequence ncurses did not know, so that End,
    /// Alt+x and the like never act as Escape, and neither do their remaining bytes act as keys.
    ///
    /// ncurses has already waited ESCDELAY for more before handing back the ESC alone; waiting as
    /// long again between the bytes here keeps a lone Escape prompt (about 50 ms in all) and still
    /// reads whole a sequence that arrives in pieces.
    private func escapeSequenceEvent() -> InputEvent? {
        var parser = EscapeSequenceParser()
        wtimeout(window, Self.escapeDelayMilliseconds)
        while true {
            var code: wint_t = 0
            let status = wget_wch(window, &code)
            let step: EscapeSequenceParser.Step
            switch status {
            case OK:
                step = parser.feed(code)
            case KEY_CODE_YES:
                let input = KeyDecoder.keyCode(Int32(bitPattern: code))
                guard input == .resize || input == .mouse else {
                    // A key ncurses knew came right after the ESC: Alt plus that key.
                    step = parser.feedDecodedKey()
                    break
                }
                // Not part of the sequence: kept for the next call, and the sequence read on.
                if let event = event(for: input) { queuedEvents.append(event) }
                continue
            default:
                return parser.endOfInput().map(InputEvent.key)
            }
            if case .complete(let key) = step { return key.map(InputEvent.key) }
        }
    }

    /// Leaves full-screen mode and stops the process as Ctrl-Z does; returns once it is
    /// continued (`fg`), with the screen back and a `.resize` event queued for a full redraw.
    ///
    /// `nextEvent` calls this for Ctrl-Z; call it yourself to suspend from a key binding.
    public func suspend() {
        guard !isRestored else { return }
        TerminalGuard.setScreenActive(false)
        curs_set(1)
        endwin()
        TerminalGuard.stopProcess()
        // Our own SIGCONT: the repaint below covers it.
        _ = TerminalSignals.takeContinued()
        resumeScreen()
    }

    /// Re-enters full-screen mode after `endwin`, and queues a resize so the UI redraws everything.
    private func resumeScreen() {
        TerminalGuard.setScreenActive(true)
        curs_set(0)
        invalidate()
        // The first refresh after endwin puts the tty back into program mode.
        wrefresh(window)
        size = currentSize()
        queuedEvents.append(.resize(width: size.width, height: size.height))
    }
}
