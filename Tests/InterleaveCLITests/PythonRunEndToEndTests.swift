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

    static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    /// `environment` plus the sanitizers' symbolizer by its full path: under CI's AddressSanitizer
    /// pass, a PATH without it leaves leak reports unsymbolized, so its suppressions (by function
    /// name) no longer match Foundation's known leak, and the run exits 1 for that alone.
    static func keepingTheSymbolizer(_ environment: [String: String]) -> [String: String] {
        var environment = environment
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        if let folder = path.split(separator: ":").first(where: {
            FileManager.default.isExecutableFile(atPath: "\($0)/llvm-symbolizer")
        }) {
            environment["ASAN_SYMBOLIZER_PATH"] = "\(folder)/llvm-symbolizer"
        }
        return environment
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
        defer { Self.remove(exits) }
        #expect(try CLIBinary.run(["run", exits, "--plain"]).status == 4)
        let raises = try Self.program("raise ValueError('bad')\n")
        defer { Self.remove(raises) }
        let failed = try CLIBinary.run(["run", raises, "--plain"])
        #expect(failed.status == 1)
        #expect(failed.out.contains("ValueError: bad"), "\(failed.out)")
        let broken = try Self.program("def f(:\n")
        defer { Self.remove(broken) }
        let syntax = try CLIBinary.run(["run", broken, "--plain"])
        #expect(syntax.status == 1)
        #expect(syntax.out.contains("SyntaxError"), "\(syntax.out)")
    }

    @Test func theProgramGetsItsArgumentsAndWorkingDirectory() throws {
        guard CLIBinary.isBuilt else { return }
        let echo = try Self.program("import os, sys\nprint(sys.argv[1:], os.path.basename(os.getcwd()) != '')\nprint(sys.argv[0].endswith('.py'))\n")
        defer { Self.remove(echo) }
        let run = try CLIBinary.run(["run", echo, "--plain", "--captions", "one", "-v", "--", "two"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("['one', '-v', '--', 'two'] True") || run.out.contains("['one', '-v', 'two'] True"), "\(run.out)")
        #expect(run.out.contains("nothing to schedule"), "a program without a loop says so: \(run.out)")
    }

    /// A failure injected into the task waiting for the lock raises at its await: the task fails
    /// with CPython's traceback, gather passes it to main, and the program ends with it.
    @Test func aFaultRaisesInThePythonTaskAtItsAwait() throws {
        guard CLIBinary.isBuilt else { return }
        let trace = FileManager.default.temporaryDirectory.appendingPathComponent("interleave-py-\(UUID().uuidString.prefix(8)).itrace")
        defer { try? FileManager.default.removeItem(at: trace) }
        let recorded = try CLIBinary.run(["record", Self.lesson("l2-lock.py"), "-o", trace.path, "--inject", "fail my_coroutine at 0.1s"])
        #expect(recorded.status == 0, "\(recorded.err)")
        let text = try CLIBinary.run(["export", trace.path, "--format", "text"])
        #expect(text.out.contains("0.100s  my_coroutine failed: InterleaveFault: injected fault"), "\(text.out)")
        #expect(text.out.contains("0.100s  main failed: InterleaveFault: injected fault"), "\(text.out)")
        #expect(text.out.contains("await fut"), "the traceback is the program's output: \(text.out)")
        #expect(text.out.contains("done in 0.100s virtual"), "no stale timer moves the clock on: \(text.out)")
        #expect(!text.out.contains("nobody awaited"), "awaiting is asyncio's business: \(text.out)")
    }

    @Test func badInputGetsOneLineAndStatus2() throws {
        guard CLIBinary.isBuilt else { return }
        let missing = try CLIBinary.run(["run", "/nonexistent/nope.py", "--plain"])
        #expect(missing.status == 2)
        #expect(missing.err == "interleave: cannot read /nonexistent/nope.py: no such file\n")
        let nothing = try CLIBinary.run(["run"])
        #expect(nothing.status == 2)
        #expect(nothing.err.split(separator: "\n").count == 1, "\(nothing.err)")
        let noPython = try CLIBinary.run(["run", Self.lesson("l2-lock.py"), "--plain"],
                                         environment: Self.keepingTheSymbolizer(["PATH": "/nonexistent"]))
        #expect(noPython.status == 2)
        #expect(noPython.err == "interleave run needs python3 ≥ 3.10, and there is no python3 on the PATH\n")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("interleave-oldpy-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = folder.appendingPathComponent("python3")
        try "#!/bin/sh\necho 3.8\nexit 3\n".write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let old = try CLIBinary.run(["run", Self.lesson("l2-lock.py"), "--plain"],
                                    environment: Self.keepingTheSymbolizer(["PATH": folder.path + ":/usr/bin:/bin"]))
        #expect(old.status == 2)
        #expect(old.err == "interleave run needs python3 ≥ 3.10 (this is 3.8)\n")
    }
}

/// The acceptance run of the lock lesson, full screen in tmux.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct PythonRunTerminalTests {
    @Test func theLockLessonShowsItsTasksLockAndSourceAndStepsBackAndOn() throws {
        let lesson = TmuxSession.shellQuoted(PythonRunEndToEndTests.lesson("l2-lock.py"))
        let run = try ShellRun("run \(lesson) --speed 0.25", width: 120, height: 40)
        // The first lock holder sleeps 2 s virtual (8 s at a quarter speed): pause while it does.
        _ = try run.waitForUI(containing: "sleeps until 2.000s")
        try run.session.sendKeys("Space")
        var screen = try run.session.waitForScreen(containing: "PAUSED")
        // Two lanes named after the coroutine, the lock with its holder, the program's source.
        #expect(screen.components(separatedBy: "my_coroutine ").count - 1 >= 2, "\(screen)")
        #expect(screen.contains("Lock   held by my_coroutine"), "\(screen)")
        #expect(screen.contains("Code · l2-lock.py"), "\(screen)")
        #expect(screen.contains("async with lock:"), "\(screen)")
        // One step: the clock jumps to the holder's wake-up at 2 s.
        try run.session.sendKeys("s")
        screen = try run.session.waitForScreen(containing: "2.000s my_coroutine wakes up")
        // Back one step (a fresh python3 re-runs the program to there), then on to the end.
        try run.session.sendKeys("b")
        _ = try run.session.waitForScreen(containing: "rewound to step")
        try run.session.sendKeys("Space")
        screen = try run.session.waitForScreen(containing: "l2-lock.py finished", timeout: .seconds(40))
        #expect(screen.contains("4.000s my_coroutine: Unlocked section"), "\(screen)")
        try run.session.sendKeys("q")
        try run.expectTerminalGivenBack(status: 0)
    }
}
