#if canImport(Glibc)
import Glibc
#endif
import InterleaveUI
import Testing
@testable import InterleaveTerminal

extension ProcessWideTests {
    /// The backend drawing into a real terminal emulator: it runs in this process on the tty of a
    /// tmux pane (whose own program just sleeps), and tmux shows what a user would see.
    @Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not on PATH: skipping the real-terminal tests"))
    struct NCursesBackendTests {
        /// A backend on a fresh tmux pane of the given size.
        final class Pane {
            let session: TmuxSession
            let tty: Int32
            let backend: NCursesBackend
            /// The pane's tty modes before the backend took it over.
            let modesBefore: PaneModes

            /// `terminalType` overrides tmux's own (its `default-terminal`), as a user's TERM can.
            init(width: Int = 80, height: Int = 24, terminalType: String? = nil) throws {
                session = try TmuxSession(command: "exec sleep 600", width: width, height: height)
                tty = open(try session.paneValue("pane_tty"), O_RDWR | O_NOCTTY)
                guard tty >= 0 else { throw PseudoTerminalError() }
                let term = try terminalType ?? session.tmux(["show-options", "-gv", "default-terminal"])
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                modesBefore = try PaneModes(tty)
                TerminalSignals.reset()
                backend = try NCursesBackend(terminalType: term, input: tty, output: tty)
            }

            deinit {
                backend.restore()
                close(tty)
            }

            /// The next event, polling for up to five seconds.
            func nextEvent() -> InputEvent? {
                for _ in 0..<50 {
                    if let event = backend.nextEvent(timeoutMilliseconds: 100) { return event }
                }
                return nil
            }
        }

        private func frame(width: Int = 80, height: Int = 24, _ draw: (inout Buffer) -> Void) -> Buffer {
            var buffer = Buffer(width: width, height: height)
            draw(&buffer)
            return buffer
        }

        @Test func drawsTextGlyphsAndColours() throws {
            let pane = try Pane()
            #expect(pane.backend.size == (80, 24))
            pane.backend.draw(frame { buffer in
                buffer.write("─┤ hello, interleave ├─", x: 2, y: 1)
                buffer.write("alert", x: 0, y: 3, style: Style(foreground: .red, attributes: .bold))
                buffer.write("corner", x: 74, y: 23)
            })
            let screen = try pane.session.waitForScreen(containing: "hello, interleave")
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            // Outside a UTF-8 locale the backend sends "?" rather than bytes the terminal would misread.
            let expected = pane.backend.supportsUnicode ? "  ─┤ hello, interleave ├─" : "  ?? hello, interleave ??"
            #expect(lines[1] == expected)
            #expect(lines[23] == String(repeating: " ", count: 74) + "corner")
            if pane.backend.supportsColor {
                let styled = try pane.session.screen(styles: true)
                #expect(styled.contains("\u{1B}[1m\u{1B}[31malert"))
            }
        }

        @Test func redrawsOnlyTheCellsThatChanged() throws {
            let pane = try Pane()
            let first = frame { $0.write("count: 1", x: 0, y: 0) }
            pane.backend.draw(first)
            #expect(pane.backend.cellsWrittenByLastDraw == 80 * 24)
            pane.backend.draw(first)
            #expect(pane.backend.cellsWrittenByLastDraw == 0)
            pane.backend.draw(frame { $0.write("count: 2", x: 0, y: 0) })
            #expect(pane.backend.cellsWrittenByLastDraw == 1)
            try pane.session.waitForScreen(containing: "count: 2")
        }

        @Test func keysArriveAsUIKeys() throws {
            let pane = try Pane()
            pane.backend.draw(frame { $0.write("ready", x: 0, y: 0) })
            try pane.session.waitForScreen(containing: "ready")
            var expectations: [(String, Key)] = [
                ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
                ("q", .character("q")), ("C-a", .control("a")),
                ("Enter", .enter), ("Tab", .tab), ("BTab", .backTab), ("BSpace", .backspace),
                ("PPage", .pageUp), ("NPage", .pageDown), ("Home", .home), ("End", .end),
                ("F5", .function(5)), ("Escape", .escape),
            ]
            // Multi-byte input can only be decoded in a UTF-8 locale.
            if pane.backend.supportsUnicode { expectations.append(("é", .character("é"))) }
            for (name, key) in expectations {
                try pane.session.sendKeys(name)
                #expect(pane.nextEvent() == .key(key), "tmux key \(name)")
            }
        }

        /// tmux sends Home and End as `ESC [ 1 ~` and `ESC [ 4 ~`, which the xterm-256color entry
        /// does not know (it says `ESC O H`, `ESC O F`); Alt+x is `ESC x` under any TERM.
        @Test func keysTheTerminfoEntryDoesNotKnowAreNeverEscape() throws {
            let pane = try Pane(terminalType: "xterm-256color")
            pane.backend.draw(frame { $0.write("ready", x: 0, y: 0) })
            try pane.session.waitForScreen(containing: "ready")
            try pane.session.sendKeys("Home")
            #expect(pane.nextEvent() == .key(.home))
            try pane.session.sendKeys("End")
            #expect(pane.nextEvent() == .key(.end))
            // Each dropped sequence is followed by a key, which must be the next event.
            try pane.session.sendKeys("M-x", "q")
            #expect(pane.nextEvent() == .key(.character("q")), "Alt+x is dropped")
            try pane.session.sendBytes(Array("\u{1B}[200~".utf8) + [0x61])
            #expect(pane.nextEvent() == .key(.character("a")), "a bracketed-paste marker is dropped")
            try pane.session.sendBytes(Array("\u{1B}[8~".utf8))
            #expect(pane.nextEvent() == .key(.end), "rxvt's End")
            try pane.session.sendKeys("Escape")
            #expect(pane.nextEvent() == .key(.escape), "a lone Escape is still Escape")
        }

        @Test func mouseClicksAndWheelArriveInCellCoordinates() throws {
            let pane = try Pane()
            pane.backend.draw(frame { $0.write("ready", x: 0, y: 0) })
            try pane.session.waitForScreen(containing: "ready")
            // X10 mouse reports: ESC [ M, then button, column and row, each plus 32 (1-based).
            try pane.session.sendBytes([0x1B, 0x5B, 0x4D, 32 + 0, 32 + 11, 32 + 6])
            #expect(pane.nextEvent() == .mouse(MouseEvent(kind: .press, x: 10, y: 5)))
            try pane.session.sendBytes([0x1B, 0x5B, 0x4D, 32 + 3, 32 + 11, 32 + 6])  // the release is ignored
            try pane.session.sendBytes([0x1B, 0x5B, 0x4D, 32 + 64, 32 + 1, 32 + 1])
            #expect(pane.nextEvent() == .mouse(MouseEvent(kind: .wheelUp, x: 0, y: 0)))
            try pane.session.sendBytes([0x1B, 0x5B, 0x4D, 32 + 65, 32 + 1, 32 + 1])
            #expect(pane.nextEvent() == .mouse(MouseEvent(kind: .wheelDown, x: 0, y: 0)))
        }

        @Test func aResizeIsReportedAndTheNextFrameRepaintsEverything() throws {
            let pane = try Pane()
            pane.backend.draw(frame { $0.write("small", x: 0, y: 0) })
            try pane.session.waitForScreen(containing: "small")
            try pane.session.resize(width: 100, height: 30)
            // tmux signals the pane's own program; this process learns of it the same way.
            let resized = try pane.session.poll(timeout: .seconds(10)) { () -> Bool? in
                var size = winsize()
                return ioctl(pane.tty, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col == 100 ? true : nil
            }
            #expect(resized == true)
            sendToProcess(SIGWINCH)
            #expect(pane.nextEvent() == .resize(width: 100, height: 30))
            #expect(pane.backend.size == (100, 30))
            pane.backend.draw(frame(width: 100, height: 30) { $0.write("corner", x: 94, y: 29) })
            #expect(pane.backend.cellsWrittenByLastDraw == 100 * 30)
            let screen = try pane.session.waitForScreen(containing: "corner")
            #expect(!screen.contains("small"))
        }

        @Test func continuingAfterAStopRepaintsTheWholeFrame() throws {
            let pane = try Pane()
            let picture = frame { $0.write("still here", x: 0, y: 0) }
            pane.backend.draw(picture)
            try pane.session.waitForScreen(containing: "still here")
            TerminalGuard.install()  // already installed by the backend: a no-op
            sendToProcess(SIGCONT)
            #expect(pane.nextEvent() == .resize(width: 80, height: 24))
            pane.backend.draw(picture)
            #expect(pane.backend.cellsWrittenByLastDraw == 80 * 24)
            try pane.session.waitForScreen(containing: "still here")
        }

        @Test func restoreGivesTheTerminalBack() throws {
            let pane = try Pane()
            pane.backend.draw(frame { $0.write("full screen", x: 0, y: 0) })
            try pane.session.waitForScreen(containing: "full screen")
            #expect(try pane.session.paneValue("cursor_flag") == "0")
            #expect(try pane.session.paneValue("alternate_on") == "1")
            pane.backend.restore()
            pane.backend.restore()
            try pane.session.waitForScreen("the normal screen") { !$0.contains("full screen") }
            #expect(try pane.session.paneValue("cursor_flag") == "1")
            #expect(try pane.session.paneValue("alternate_on") == "0")
            #expect(try PaneModes(pane.tty) == pane.modesBefore)
            #expect(!TerminalGuard.isInstalled)
            #expect(pane.backend.nextEvent(timeoutMilliseconds: 0) == nil)
        }
    }
}

/// The tty modes a backend must put back.
struct PaneModes: Equatable {
    var input, output, local: tcflag_t

    init(_ descriptor: Int32) throws {
        var modes = termios()
        guard tcgetattr(descriptor, &modes) == 0 else { throw PseudoTerminalError() }
        input = modes.c_iflag
        output = modes.c_oflag
        local = modes.c_lflag
    }
}
