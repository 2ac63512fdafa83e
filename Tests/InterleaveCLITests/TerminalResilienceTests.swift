import Foundation
import Testing

/// The full-screen view under a hostile terminal: a storm of resizes, a window below the
/// minimum size, terminals it cannot drive, and a locale without UTF-8.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct TerminalResilienceTests {
    /// Resizes the pane `count` times, about 100 a second, through sizes both above and below
    /// the minimum, ending at `final`.
    private func resizeStorm(_ session: TmuxSession, count: Int = 100, final: (width: Int, height: Int)) throws {
        let clock = ContinuousClock()
        let start = clock.now
        for index in 0..<count - 1 {
            try session.resize(width: 40 + (index * 37) % 160, height: 10 + (index * 23) % 50)
            // Pacing is the point here: a burst tmux would coalesce into one SIGWINCH.
            let due = start.advanced(by: .milliseconds(10 * (index + 1)))
            let early = clock.now.duration(to: due)
            if early > .zero { usleep(UInt32(early.components.attoseconds / 1_000_000_000_000)) }
        }
        try session.resize(width: final.width, height: final.height)
    }

    /// The screen is a whole frame of exactly `width` × `height`: header on the first row,
    /// footer on the last, nothing wider.
    private func isWholeFrame(_ screen: String, width: Int, height: Int) -> Bool {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= height else { return false }
        return lines[0].contains("PAUSED") && lines[height - 1].contains("quit")
            && lines.allSatisfy { $0.count <= width } && screen.contains("Timeline")
    }

    @Test func aStormOfResizesNeitherCrashesNorLeaks() throws {
        let run = try ShellRun("demo lock --speed 0.25")
        try run.waitForUI()
        // Paused, the trace stops growing: memory can then only grow by what resizing keeps.
        try run.session.sendKeys("Space")
        try run.session.waitForScreen(containing: "PAUSED")
        let pid = try run.programID()
        let before = try #require(residentKilobytes(of: pid))

        // The first storm draws every size once (caches, ncurses' own buffers); the second must
        // not need more memory than the first left behind.
        try resizeStorm(run.session, final: (100, 30))
        try run.session.waitForScreen("a whole 100×30 frame") { isWholeFrame($0, width: 100, height: 30) }
        let warm = try #require(residentKilobytes(of: pid))
        try resizeStorm(run.session, final: (120, 40))
        try run.session.waitForScreen("a whole 120×40 frame") { isWholeFrame($0, width: 120, height: 40) }
        #expect(run.isAlive(pid))
        try resizeStorm(run.session, final: (100, 30))
        try run.session.waitForScreen("a whole 100×30 frame") { isWholeFrame($0, width: 100, height: 30) }
        let after = try #require(residentKilobytes(of: pid))
        #expect(run.isAlive(pid))
        // A leak shows after the warm-up: 200 more resizes may not keep 2 MB (10 kB each).
        // The warm-up itself (every size drawn once, a malloc arena per thread) measured 6–9 MB
        // in CI; its bound only catches a runaway. A sanitizer's shadow memory grows with every
        // new address touched, so there resident memory says nothing about leaks (LeakSanitizer
        // itself checks the ASan run at exit).
        if !Sanitizer.isActive {
            #expect(after - warm < 2_048, "resident memory grew from \(warm) kB to \(after) kB over 200 resizes")
            #expect(warm - before < 32_768, "resident memory grew from \(before) kB to \(warm) kB over the first 100 resizes")
        }

        try run.session.sendKeys("q")
        try run.expectTerminalGivenBack(status: 0)
    }

    @Test func shrinkingBelowTheMinimumShowsAMessageAndEnlargingRecovers() throws {
        let run = try ShellRun("demo lock --speed 0.25")
        try run.waitForUI()
        try run.session.sendKeys("Space")
        try run.session.waitForScreen(containing: "PAUSED")
        try run.session.resize(width: 70, height: 20)
        let small = try run.session.waitForScreen(containing: "Terminal too small")
        #expect(small.contains("have 70"))
        #expect(!small.contains("Timeline"))
        try run.session.resize(width: 100, height: 30)
        try run.session.waitForScreen("a whole frame again") { isWholeFrame($0, width: 100, height: 30) }
        try run.session.sendKeys("q")
        try run.expectTerminalGivenBack(status: 0)
    }

    /// Closing the terminal window hangs the tty up: the program must end, not linger reading
    /// a dead terminal.
    @Test func closingTheTerminalEndsTheProgram() throws {
        let run = try ShellRun("demo lock --speed 0.25")
        try run.waitForUI()
        let pid = try run.programID()
        run.session.close()
        let ended = try run.session.poll(timeout: .seconds(5)) { run.isAlive(pid) ? nil : true }
        #expect(ended == true, "interleave (pid \(pid)) still runs 5 s after its terminal closed")
        if ended == nil { kill(pid, SIGKILL) }
    }

    /// A terminal the view cannot drive, and what the notice must say.
    struct Unusable: Sendable, CustomTestStringConvertible {
        var setup = ""
        var pipeTo: String?
        var reason: String
        var testDescription: String { reason }
    }

    static let unusable = [
        Unusable(setup: "export TERM=dumb", reason: "TERM=dumb cannot show a full-screen view"),
        Unusable(setup: "export TERM=no-such-terminal-interleave", reason: "no terminfo entry for TERM=no-such-terminal-interleave"),
        Unusable(pipeTo: "cat", reason: "standard output is not a terminal"),
    ]

    @Test(arguments: unusable)
    func aTerminalThatCannotShowTheViewGetsPlainOutput(_ terminal: Unusable) throws {
        let trace = FileManager.default.temporaryDirectory.appendingPathComponent("gather-\(UUID().uuidString.prefix(8)).itrace").path
        defer { try? FileManager.default.removeItem(atPath: trace) }
        #expect(try CLIBinary.run(["record", "gather", "-o", trace]).status == 0)
        let commands = [
            ("demo gather", "showing plain output", "done in 2.000s virtual"),
            ("replay \(TmuxSession.shellQuoted(trace))", "showing plain output", "done in 2.000s virtual"),
            ("", "listing the demos instead", "philosophers"),
        ]
        for (arguments, fallback, output) in commands {
            let run = try ShellRun(arguments, width: 200, height: 50, setup: terminal.setup, pipeTo: terminal.pipeTo, captureErrors: true)
            let screen = try run.expectTerminalGivenBack(status: 0)
            #expect(run.errors == "interleave: \(terminal.reason); \(fallback)\n", "`interleave \(arguments)`")
            #expect(screen.contains(output), "`interleave \(arguments)` printed its plain output")
        }
    }

    /// Shell code selecting a locale, named as a user would set it.
    static let asciiLocales = [
        "unset LC_ALL LC_CTYPE; export LANG=C",
        "unset LC_CTYPE; export LANG=C.UTF-8 LC_ALL=C",
    ]

    @Test(arguments: asciiLocales)
    func aLocaleWithoutUTF8GetsASCIIGlyphs(_ locale: String) throws {
        let run = try ShellRun("demo lock --speed 0.25", setup: locale)
        let screen = try run.waitForUI()
        #expect(screen.contains("coroutine1") && screen.contains("Resources"))
        let foreign = Set(screen.unicodeScalars.filter { !$0.isASCII })
        #expect(foreign.isEmpty, "non-ASCII on screen: \(foreign.map { String($0) }.joined())\n\(screen)")
        try run.session.sendKeys("q")
        try run.expectTerminalGivenBack(status: 0)
    }

    /// The control for the test above: the same run in a UTF-8 locale draws box-drawing lines.
    @Test(.enabled(if: utf8LocaleInstalled, "C.UTF-8 is not installed"))
    func aUTF8LocaleGetsBoxDrawing() throws {
        let run = try ShellRun("demo lock --speed 0.25", setup: "unset LC_ALL LC_CTYPE; export LANG=C.UTF-8")
        let screen = try run.waitForUI()
        #expect(screen.contains("┌─ Timeline"))
        try run.session.sendKeys("q")
        try run.expectTerminalGivenBack(status: 0)
    }

    static let utf8LocaleInstalled: Bool = {
        guard let locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil) else { return false }
        freelocale(locale)
        return true
    }()
}
