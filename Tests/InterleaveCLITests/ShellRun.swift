import Foundation
import Testing

/// `interleave` started by a shell in a tmux pane, with the evidence a test needs that the
/// terminal was given back: the tty modes before and after, and a line the shell prints on the
/// normal screen once it has the terminal again.
///
/// ```swift
/// let run = try ShellRun("demo lock")
/// try run.waitForUI()
/// kill(try run.programID(), SIGTERM)
/// try run.expectTerminalGivenBack(status: 143)
/// ```
final class ShellRun {
    let session: TmuxSession
    let scratch: URL

    /// What the shell prints after the program, with its exit status.
    static let shellBack = "shell back with status"

    /// Runs `interleave ARGUMENTS` in a `width` × `height` pane.
    ///
    /// `setup` is shell code run first (e.g. `unset LC_ALL`); `pipeTo` makes stdout a pipe into
    /// that command; stderr goes to a file when `captureErrors` is set (see `errors`).
    init(
        _ arguments: String,
        width: Int = 100,
        height: Int = 30,
        environment: [String: String] = [:],
        setup: String = "",
        pipeTo: String? = nil,
        captureErrors: Bool = false
    ) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("interleave-shell-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        self.scratch = scratch
        func file(_ name: String) -> String { TmuxSession.shellQuoted(scratch.appendingPathComponent(name).path) }
        var program = "\(TmuxSession.shellQuoted(CLIBinary.url.path)) \(arguments)"
        if captureErrors { program += " 2> \(file("stderr"))" }
        // With a pipe, $? would be the reader's status; run the program in a group that saves its own.
        let run = pipeTo.map { "{ \(program); echo $? > \(file("program-status")); } | \($0); status=$(cat \(file("program-status")))" }
            ?? "\(program); status=$?"
        let command = [
            setup,
            "stty -g > \(file("stty-before"))",
            run,
            "stty -g > \(file("stty-after")); stty -a > \(file("stty-all"))",
            "echo \"\(Self.shellBack) $status\"",
            // tmux blanks a pane whose program has exited: wait for Enter so the test can look first.
            "read -r _",
            "exit $status",
        ].filter { !$0.isEmpty }.joined(separator: "; ")
        session = try TmuxSession(command: command, width: width, height: height, environment: environment)
    }

    deinit {
        session.close()
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Waits for the full-screen view's first complete frame (the footer is drawn last).
    @discardableResult
    func waitForUI(containing text: String = "Timeline", timeout: Duration = .seconds(20)) throws -> String {
        try session.waitForScreen(timeout: timeout, "the full-screen view with \"\(text)\"") {
            $0.contains(text) && $0.contains("quit")
        }
    }

    /// The process id of `interleave`, a child of the pane's shell.
    func programID(timeout: Duration = .seconds(10)) throws -> pid_t {
        let shell = try session.paneValue("pane_pid")
        let found = try session.poll(timeout: timeout) { () -> pid_t? in
            let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
            return children.split(separator: " ").compactMap { pid_t($0) }.first { pid in
                (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.hasPrefix("interleave") == true
            }
        }
        guard let found else { throw TmuxSession.Failure(description: "no interleave process under the pane's shell \(shell)") }
        return found
    }

    /// Whether the program's process still runs; a zombie nobody has reaped yet (an orphan in
    /// a container whose first process does not reap) counts as ended.
    func isAlive(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let end = stat.lastIndex(of: ")") else { return true }
        return !stat[end...].hasPrefix(") Z")
    }

    /// What the program wrote to stderr (with `captureErrors`).
    var errors: String {
        (try? String(contentsOf: scratch.appendingPathComponent("stderr"), encoding: .utf8)) ?? ""
    }

    /// Checks that the program ended with `status` and left a usable terminal: the shell got it
    /// back and printed on the normal screen, the cursor shows, and the tty modes are the ones
    /// it started with, echo and line editing on. Returns the screen as the shell left it (tmux
    /// scrolls a pane's first line away when its program exits).
    ///
    /// `excuse` admits one other status, but only on a screen that shows the given text: the
    /// way a crash test accepts the Swift backtracer dying while it reports.
    @discardableResult
    func expectTerminalGivenBack(
        status: Int32,
        orOnScreenWith excuse: (text: String, status: Int32)? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        var ended = status
        let screen = try session.waitForScreen(timeout: .seconds(20), "\"\(Self.shellBack) \(status)\"") { screen in
            if screen.contains("\(Self.shellBack) \(status)") { return true }
            guard let excuse, screen.contains(excuse.text), screen.contains("\(Self.shellBack) \(excuse.status)") else { return false }
            ended = excuse.status
            return true
        }
        #expect(!screen.contains("Timeline"), "the full-screen view is gone:\n\(screen)", sourceLocation: sourceLocation)
        #expect(try session.paneValue("alternate_on") == "0", "left the alternate screen", sourceLocation: sourceLocation)
        #expect(try session.paneValue("cursor_flag") == "1", "the cursor is visible", sourceLocation: sourceLocation)
        let before = try String(contentsOf: scratch.appendingPathComponent("stty-before"), encoding: .utf8)
        let after = try String(contentsOf: scratch.appendingPathComponent("stty-after"), encoding: .utf8)
        #expect(!before.isEmpty && before == after, "tty modes restored", sourceLocation: sourceLocation)
        let modes = try String(contentsOf: scratch.appendingPathComponent("stty-all"), encoding: .utf8)
            .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" })
        #expect(modes.contains("echo") && modes.contains("icanon") && modes.contains("isig"),
                "echo, icanon and isig are on: \(modes.joined(separator: " "))", sourceLocation: sourceLocation)
        try session.sendKeys("Enter")
        #expect(try session.waitForExit() == ended, sourceLocation: sourceLocation)
        return screen
    }
}

/// Reads a process's resident memory (VmRSS in /proc/PID/status), in kilobytes.
func residentKilobytes(of pid: pid_t) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
    return Int(line.split(separator: " ").dropFirst().first ?? "")
}
