import Foundation

/// A command running in a real terminal of a chosen size, for end-to-end tests: a detached tmux
/// session on a private server, driven with keys and read back as plain text.
///
/// Every wait polls against a deadline, so tests are as fast as the program and fail with the
/// screen they last saw. The server is killed when the session is closed or deinitialised.
/// ```swift
/// let session = try TmuxSession(command: "interleave demo gather", width: 80, height: 24)
/// try session.waitForScreen(containing: "gather")
/// try session.sendKeys("q")
/// #expect(try session.waitForExit() == 0)
/// ```
///
/// (This file is shared: Tests/InterleaveTerminalTests links to it.)
final class TmuxSession {
    /// Why a tmux step failed, with the screen as last seen when it was a wait.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The tmux executable on PATH; nil when tmux is not installed (tests then skip).
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("tmux")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    static var isAvailable: Bool { executable != nil }

    /// The private server's socket name (`tmux -L`).
    let socketName: String
    let target = "main"
    private let directory: URL
    private var statusFile: URL { directory.appendingPathComponent("exit-status") }
    private var isClosed = false
    /// The server's socket file, which tmux leaves behind when the server is killed.
    private var socketPath: String?

    /// Starts `command` (a /bin/sh command line) in a detached session of `width` × `height` cells.
    ///
    /// `environment` is added to the command's environment; the status line is off, so the
    /// command gets every row, and the pane stays on screen after the command exits.
    init(
        command: String,
        width: Int = 80,
        height: Int = 24,
        environment: [String: String] = [:],
        workingDirectory: String? = nil
    ) throws {
        guard Self.isAvailable else { throw Failure(description: "tmux is not on PATH") }
        let unique = "\(getpid())-\(UUID().uuidString.prefix(8))"
        socketName = "interleave-test-\(unique)"
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("interleave-tmux-\(unique)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = directory.appendingPathComponent("tmux.conf")
        try "set -g status off\nset -g remain-on-exit on\nset -g escape-time 0\nset -g default-shell /bin/sh\n"
            .write(to: config, atomically: true, encoding: .utf8)

        // The status goes to a temporary name first, so a reader never sees a half-written file.
        let status = Self.shellQuoted(statusFile.path)
        // An EXIT trap records the status even when the command says `exit`, and keeps the command's
        // programs direct children of the pane's shell (`pane_pid`).
        let record = "echo $? > \(status).tmp && mv \(status).tmp \(status)"
        let wrapped = "trap \(Self.shellQuoted(record)) EXIT; \(command)"
        var arguments = ["-f", config.path, "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)"]
        if let workingDirectory { arguments += ["-c", workingDirectory] }
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(name)=\(value)"] }
        arguments.append(wrapped)
        do {
            try tmux(arguments)
            socketPath = try paneValue("socket_path")
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    /// Kills the tmux server and removes the session's files; safe to call twice.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        _ = try? tmux(["kill-server"])
        if let socketPath { unlink(socketPath) }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Sends keys by tmux name ("Up", "Enter", "C-c", "F5", "BTab"), or single characters.
    func sendKeys(_ keys: String...) throws {
        try tmux(["send-keys", "-t", target] + keys)
    }

    /// Types `text` literally.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", target, "-l", text])
    }

    /// Sends raw bytes as terminal input, e.g. a mouse report.
    func sendBytes(_ bytes: [UInt8]) throws {
        try tmux(["send-keys", "-t", target, "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    /// The screen as text, one line per row, trailing spaces trimmed by tmux; with `styles`,
    /// colours and attributes appear as SGR escape sequences (`\u{1B}[31m`).
    func screen(styles: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", target] + (styles ? ["-e"] : []))
    }

    /// Resizes the terminal; the program sees SIGWINCH.
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// A tmux format value for the pane, e.g. "pane_tty", "cursor_flag", "pane_width".
    func paneValue(_ name: String) throws -> String {
        try tmux(["display-message", "-p", "-t", target, "#{\(name)}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `text` appears; returns that screen.
    @discardableResult
    func waitForScreen(containing text: String, timeout: Duration = .seconds(10)) throws -> String {
        try waitForScreen(timeout: timeout, "text \"\(text)\"") { $0.contains(text) }
    }

    /// Polls the screen until `condition` holds; returns that screen.
    @discardableResult
    func waitForScreen(
        timeout: Duration = .seconds(10),
        _ what: String = "the expected screen",
        where condition: (String) -> Bool
    ) throws -> String {
        var last = ""
        let found = try poll(timeout: timeout) {
            last = try screen()
            return condition(last) ? last : nil
        }
        guard let found else {
            throw Failure(description: "timed out after \(timeout) waiting for \(what); screen was:\n\(last)")
        }
        return found
    }

    /// Polls until the command has exited; returns its exit status.
    func waitForExit(timeout: Duration = .seconds(10)) throws -> Int32 {
        let status = try poll(timeout: timeout) { () -> Int32? in
            guard let text = try? String(contentsOf: statusFile, encoding: .utf8) else { return nil }
            return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        guard let status else {
            let last = (try? screen()) ?? "(unreadable)"
            throw Failure(description: "command still running after \(timeout); screen was:\n\(last)")
        }
        return status
    }

    /// Calls `attempt` every few milliseconds until it returns a value or `timeout` passes.
    func poll<Value>(timeout: Duration, _ attempt: () throws -> Value?) throws -> Value? {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            if let value = try attempt() { return value }
            if clock.now >= deadline { return nil }
            usleep(20_000)
        }
    }

    /// Runs one tmux command against this session's server; returns its standard output.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        guard let executable = Self.executable else { throw Failure(description: "tmux is not on PATH") }
        let output = directory.appendingPathComponent("tmux-output")
        let errors = directory.appendingPathComponent("tmux-errors")
        let status = try Self.run(executable.path, ["-L", socketName] + arguments, output: output.path, errors: errors.path)
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        guard status == 0 else {
            let message = ((try? String(contentsOf: errors, encoding: .utf8)) ?? "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed (\(status)): \(message)")
        }
        return text
    }

    /// Runs a program to completion with output to files; returns its exit status.
    ///
    /// Not `Foundation.Process`: it detects exit through a socket it leaks into the child, and the
    /// tmux server that `new-session` forks keeps that socket open, so `waitUntilExit` never
    /// returns (swift-corelibs-foundation#4795). Here the child gets only standard input, output
    /// and error, an empty signal mask (test threads block most signals, and a tmux server that
    /// inherits that mask never notices its panes exit) and default signal actions.
    static func run(_ path: String, _ arguments: [String], output: String, errors: String) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Nothing else leaks either: a long-lived tmux server holding another test's pipe or socket
        // would stall that test. (glibc 2.34+; Swift's Glibc module does not declare it.)
        if let closeFrom = Self.closeFrom { _ = closeFrom(&actions, 3) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + environment).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, environment)
        guard spawned == 0 else { throw Failure(description: "cannot run \(path): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw Failure(description: "waitpid failed: error \(errno)") }
        }
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let closeFrom: CloseFrom? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: CloseFrom.self)
    }()

    /// `text` as one word for sh.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
