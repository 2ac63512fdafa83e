import Foundation
import Testing

/// Every way out of the full-screen view gives the terminal back: quitting, bad input,
/// termination signals, a crash, and Ctrl-Z followed by `fg`.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct TerminalRestoreTests {
    @Test func quitWithQ() throws {
        let run = try ShellRun("demo lock --speed 0.25")
        try run.waitForUI()
        try run.session.sendKeys("q")
        try run.expectTerminalGivenBack(status: 0)
    }

    /// An interactive shell in a pane, with `interleave ARGUMENTS` started from its prompt.
    ///
    /// Job control (Ctrl-Z, a foreground job of its own for Ctrl-C) needs an interactive shell;
    /// dash reads lines in the tty's canonical mode with echo, so whatever is typed at its
    /// prompt afterwards is itself a check that the program gave those modes back.
    private func interactiveShell(running arguments: String) throws -> TmuxSession {
        let session = try TmuxSession(command: "PS1='prompt$ ' sh -i", width: 100, height: 30)
        try session.waitForScreen(containing: "prompt$")
        try session.type("\(TmuxSession.shellQuoted(CLIBinary.url.path)) \(arguments)")
        try session.sendKeys("Enter")
        try session.waitForScreen(timeout: .seconds(20), "the first frame") { $0.contains("Timeline") && $0.contains("quit") }
        return session
    }

    /// Waits for an idle prompt, types `command` and waits for the echoed line and its `output`.
    ///
    /// The prompt that started the program stays on screen once it leaves the full screen, so
    /// only a last line that is the bare prompt says the shell is reading again; typed earlier,
    /// the command lands while the program is still winding down.
    private func typeAtPrompt(_ session: TmuxSession, _ command: String, expecting output: String) throws {
        try session.waitForScreen("an idle prompt") { screen in
            screen.split(separator: "\n").last?.trimmingCharacters(in: .whitespaces) == "prompt$"
        }
        try session.type(command)
        try session.sendKeys("Enter")
        try session.waitForScreen("the echoed command and its output") { screen in
            let lines = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            return lines.contains("prompt$ \(command)") && lines.contains(output)
        }
    }

    @Test func quitWithControlC() throws {
        let session = try interactiveShell(running: "demo lock --speed 0.25")
        defer { session.close() }
        // The tty keeps ISIG on, so Ctrl-C reaches the program as SIGINT, as in any program.
        try session.sendKeys("C-c")
        try session.waitForScreen("the prompt") { !$0.contains("Timeline") && $0.contains("prompt$") }
        #expect(try session.paneValue("alternate_on") == "0")
        #expect(try session.paneValue("cursor_flag") == "1")
        try typeAtPrompt(session, "echo \"status $?\"", expecting: "status 130")
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func terminationSignal(_ signal: Int32) throws {
        let run = try ShellRun("demo lock --speed 0.25")
        try run.waitForUI()
        kill(try run.programID(), signal)
        try run.expectTerminalGivenBack(status: 128 + signal)
    }

    /// A crash signal goes through the crash handler, which leaves the full screen before the
    /// Swift backtracer prints its report, and still dies by that signal.
    @Test(.disabled(if: Sanitizer.isThread, "ThreadSanitizer holds a sent signal until an interceptor runs; the program then hangs in TSan, not in our handler"),
          arguments: [SIGSEGV, SIGABRT, SIGBUS])
    func crash(_ signal: Int32) throws {
        // The backtracer's interactive prompt would hold the terminal for 20 s before exiting.
        // Under a sanitizer, whose runtime defers signals and answers some with exit status 66,
        // the backtracer cannot stop the other threads; there the handler chains straight to the
        // default action.
        let backtracer = Sanitizer.isActive ? "enable=no" : "interactive=no"
        let run = try ShellRun("demo lock --speed 0.25", environment: ["SWIFT_BACKTRACE": backtracer])
        try run.waitForUI()
        kill(try run.programID(), signal)
        // On a loaded machine the backtracer can fail to stop a thread and then fault itself
        // (seen in CI with SIGABRT); that is the runtime's report failing, after our handler
        // gave the terminal back, so it is accepted only when the runtime says so.
        try run.expectTerminalGivenBack(
            status: 128 + signal,
            orOnScreenWith: ("swift-runtime: failed to suspend thread", 128 + SIGSEGV)
        )
    }

    /// Bad input is refused before the terminal is touched: one line on stderr, status 2.
    @Test(arguments: ["demo no-such-demo", "replay /nonexistent/run.itrace", "export /nonexistent/run.itrace --format text"])
    func badInput(_ arguments: String) throws {
        let run = try ShellRun(arguments, captureErrors: true)
        try run.expectTerminalGivenBack(status: 2)
        let lines = run.errors.split(separator: "\n")
        #expect(lines.count == 1, "one line on stderr: \(run.errors)")
        #expect(lines.first?.hasPrefix("interleave: ") == true)
    }

    /// What the argument parser rejects gets the same one line and status 2, not a usage block.
    @Test(arguments: [
        (["demo", "lock", "--speed", "1000"], "--speed must be between 1/16 and 64"),
        (["demo", "lock", "--stall", "0"], "--stall must be between 0.1 and 60 seconds"),
        (["export", "run.itrace"], "Missing expected argument '--format <format>'"),
        (["--no-such-option"], "Unknown option '--no-such-option'"),
        (["demo", "lock", "--seed", "\u{1B}]0;pwned\u{07}"], "'?]0;pwned?'"),
    ])
    func badOptions(_ arguments: [String], reason: String) throws {
        let result = try CLIBinary.run(arguments)
        #expect(result.status == 2)
        #expect(result.err.split(separator: "\n").count == 1, "\(result.err)")
        #expect(result.err.hasPrefix("interleave: ") && result.err.contains(reason), "\(result.err)")
        #expect(!result.err.contains("\u{1B}"))
    }

    /// The header's virtual clock in seconds, e.g. 1.219 from "… step 5 · 1.219s · 1/4×".
    private func headerSeconds(_ screen: String) -> Double? {
        guard let header = screen.split(separator: "\n").first,
              let range = header.range(of: #"\d+\.\d{3}(?=s)"#, options: .regularExpression) else { return nil }
        return Double(header[range])
    }

    @Test func controlZSuspendsAndForegroundRedraws() throws {
        let session = try interactiveShell(running: "demo lock --speed 0.25")
        defer { session.close() }
        let beforeStop = try session.screen()
        #expect(beforeStop.contains("coroutine1"))

        try session.sendKeys("C-z")
        try session.waitForScreen(containing: "Stopped")
        let stopped = ContinuousClock.now
        #expect(try session.paneValue("alternate_on") == "0")
        #expect(try session.paneValue("cursor_flag") == "1")
        try typeAtPrompt(session, "echo typed-while-stopped", expecting: "typed-while-stopped")
        // Stay stopped 4 s: at quarter speed, virtual time would leap a whole second if the
        // stopped time counted.
        let resumeAt = stopped.advanced(by: .seconds(4))
        let remaining = ContinuousClock.now.duration(to: resumeAt)
        if remaining > .zero { usleep(UInt32(remaining.components.seconds * 1_000_000 + remaining.components.attoseconds / 1_000_000_000_000)) }

        try session.type("fg")
        try session.sendKeys("Enter")
        let redrawn = try session.waitForScreen("the whole frame again") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.first?.contains("interleave: lock") == true && screen.contains("Timeline")
                && screen.contains("coroutine1") && lines.count >= 30 && lines[29].contains("quit")
        }
        #expect(!redrawn.contains("prompt$"), "nothing of the shell is left on the redrawn screen:\n\(redrawn)")
        #expect(try session.paneValue("alternate_on") == "1")
        let (was, now) = (try #require(headerSeconds(beforeStop)), try #require(headerSeconds(redrawn)))
        #expect(now - was < 0.5, "virtual time went on from \(was)s to \(now)s, not counting the 4 s stopped")
        // Still live: the clock moves after fg.
        let clock = try #require(redrawn.split(separator: "\n").first.map(String.init))
        try session.waitForScreen("the header clock to move") { $0.split(separator: "\n").first.map(String.init) != clock }

        try session.sendKeys("q")
        try session.waitForScreen("the shell's prompt after quitting") { screen in
            !screen.contains("Timeline") && screen.split(separator: "\n").last?.hasPrefix("prompt$") == true
        }
        #expect(try session.paneValue("alternate_on") == "0")
        #expect(try session.paneValue("cursor_flag") == "1")
        try session.type("exit 7")
        try session.sendKeys("Enter")
        #expect(try session.waitForExit() == 7)
    }
}
