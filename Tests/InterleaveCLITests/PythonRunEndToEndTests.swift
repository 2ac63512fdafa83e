import Foundation
import Testing

/// `interleave run FILE.py` as a user runs it: the plain report, CPython's exit status, one-line
/// errors for bad input, and the lock lesson full screen, stepped, rewound and failed by hand.
@Suite struct PythonRunEndToEndTests {
    static let lessons = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("InterleavePythonTests/Lessons")

    static func lesson(_ name: String) -> String { lessons.appendingPathComponent(name).path }

    /// A scratch program file.
    static func program(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("interleave-py-\(UUID().uuidString.prefix(8)).py")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func thePlainReportHasTheLessonsLinesAtTheirSeconds() throws {
        guard CLIBinary.isBuilt else { return }
        let run = try CLIBinary.run(["run", Self.lesson("l2-lock.py"), "--plain"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("0.000s  my_coroutine  Locked section"), "\(run.out)")
        #expect(run.out.contains("4.000s  my_coroutine  Unlocked section"), "\(run.out)")
        #expect(run.out.contains("done in 4.000s virtual"), "\(run.out)")
    }

    @Test func itExitsAsCPythonDoes() throws {
        guard CLIBinary.isBuilt else { return }
        let exits = try Self.program("import asyncio, sys\nasync def main():\n    await asyncio.sleep(1)\n    sys.exit(4)\nasyncio.run(main())\n")
        #expect(try CLIBinary.run(["run", exits, "--plain"]).status == 4)
        let raises = try Self.program("raise ValueError('bad')\n")
        let failed = try CLIBinary.run(["run", raises, "--plain"])
        #expect(failed.status == 1)
        #expect(failed.out.contains("ValueError: bad"), "\(failed.out)")
        let broken = try Self.program("def f(:\n")
        let syntax = try CLIBinary.run(["run", broken, "--plain"])
        #expect(syntax.status == 1)
        #expect(syntax.out.contains("SyntaxError"), "\(syntax.out)")
    }

    @Test func theProgramGetsItsArgumentsAndWorkingDirectory() throws {
        guard CLIBinary.isBuilt else { return }
        let echo = try Self.program("import os, sys\nprint(sys.argv[1:], os.path.basename(os.getcwd()) != '')\nprint(sys.argv[0].endswith('.py'))\n")
        let run = try CLIBinary.run(["run", echo, "--plain", "--captions", "one", "-v", "--", "two"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("['one', '-v', '--', 'two'] True") || run.out.contains("['one', '-v', 'two'] True"), "\(run.out)")
        #expect(run.out.contains("nothing to schedule"), "a program without a loop says so: \(run.out)")
    }

    @Test func badInputGetsOneLineAndStatus2() throws {
        guard CLIBinary.isBuilt else { return }
        let missing = try CLIBinary.run(["run", "/nonexistent/nope.py", "--plain"])
        #expect(missing.status == 2)
        #expect(missing.err == "interleave: cannot read /nonexistent/nope.py: no such file\n")
        let nothing = try CLIBinary.run(["run"])
        #expect(nothing.status == 2)
        #expect(nothing.err.split(separator: "\n").count == 1, "\(nothing.err)")
        let noPython = try CLIBinary.run(["run", Self.lesson("l2-lock.py"), "--plain"], environment: ["PATH": "/nonexistent"])
        #expect(noPython.status == 2)
        #expect(noPython.err == "interleave run needs python3 ≥ 3.10, and there is no python3 on the PATH\n")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("interleave-oldpy-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = folder.appendingPathComponent("python3")
        try "#!/bin/sh\necho 3.8\nexit 3\n".write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let old = try CLIBinary.run(["run", Self.lesson("l2-lock.py"), "--plain"], environment: ["PATH": folder.path + ":/usr/bin:/bin"])
        #expect(old.status == 2)
        #expect(old.err == "interleave run needs python3 ≥ 3.10 (this is 3.8)\n")
    }
}

/// The acceptance run of the lock lesson, full screen in tmux.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct PythonRunTerminalTests {
    @Test func theLockLessonStepsRewindsAndFailsByHand() throws {
        let run = try ShellRun("run \(TmuxSession.shellQuoted(PythonRunEndToEndTests.lesson("l2-lock.py"))) --speed 0.5",
                               width: 120, height: 40)
        var screen = try run.waitForUI(containing: "my_coroutine")
        try run.session.sendKeys("Space")
        // Two lanes named after the coroutine, the lock, and the program's own source.
        screen = try run.session.waitForScreen(containing: "PAUSED")
        #expect(screen.components(separatedBy: "my_coroutine ").count - 1 >= 2, "\(screen)")
        #expect(screen.contains("Lock"), "\(screen)")
        #expect(screen.contains("Code · l2-lock.py"), "\(screen)")
        #expect(screen.contains("async with lock:"), "\(screen)")
        // One step is one task step.
        let stepped = try run.session.poll(timeout: .seconds(10)) { () -> String? in
            try run.session.sendKeys("s")
            let now = try run.session.screen()
            return now.contains("held by my_coroutine") ? now : nil
        }
        #expect(stepped != nil, "the lock is held after a step or two: \(try run.session.screen())")
        // Back one step (a fresh python3 re-runs the program to there), then play on to the end.
        try run.session.sendKeys("b")
        _ = try run.session.waitForScreen(containing: "rewound to step")
        try run.session.sendKeys("Space")
        screen = try run.session.waitForScreen(containing: "run ended", timeout: .seconds(30))
        #expect(screen.contains("4 done"), "\(screen)")
        // Restart, and fail the coroutine that waits for the lock: it raises at its await.
        try run.session.sendKeys("r")
        _ = try run.session.waitForScreen(containing: "waits to acquire Lock", timeout: .seconds(20))
        try run.session.sendKeys("Space")
        for _ in 0..<4 { try run.session.sendKeys("Down") }
        try run.session.sendKeys("f")
        try run.session.sendKeys("Space")
        screen = try run.session.waitForScreen(containing: "InterleaveFault: injected fault", timeout: .seconds(20))
        try run.session.sendKeys("q")
        try run.expectTerminalGivenBack(status: 1)
    }
}
