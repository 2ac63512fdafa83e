import ArgumentParser
import Foundation
import Interleave
import InterleaveApp
import InterleavePython
import InterleaveTrace
import InterleaveUI

/// `interleave run FILE.py [ARGS…]`: a Python asyncio program under Interleave, full screen or
/// as the plain report, exiting with the status CPython would.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a Python asyncio program under Interleave.",
        discussion: """
            The program runs in python3 (3.10 or later), one task step at a time, in virtual time:
            every key of the full-screen view works on it as on a demo. Arguments after FILE.py
            that are not Interleave's own go to the program (after `--`, all of them do).
              interleave run lesson.py            full screen
              interleave run lesson.py --plain    the run as text
            """)

    @Flag(help: "Run headless in virtual time and print the output, a timeline and diagnostics.")
    var plain = false

    @Flag(help: "With --plain: print the captions among the output, in time order.")
    var captions = false

    @Option(parsing: .unconditional, help: "Playback speed, from \(PlaybackSpeed.rangeText) (e.g. 0.5, 2); 1× by default.")
    var speed: Double?

    @Argument(parsing: .allUnrecognized, help: "The program, then its arguments.")
    var program: [String] = []

    func validate() throws {
        guard speed.map(PlaybackSpeed.range.contains) ?? true else { throw ValidationError(PlaybackSpeed.outOfRangeMessage) }
    }

    func run() throws {
        var words = program
        if words.first == "--" { words.removeFirst() }
        guard let file = words.first else { throw fail("interleave run needs a Python file: interleave run FILE.py [ARGS…]") }
        let arguments = Array(words.dropFirst())
        let python = PythonProgram(path: file, arguments: arguments)
        do { try python.validate() } catch { throw fail("\(error)") }
        if let problem = PythonProgram.interpreterProblem() {
            FileHandle.standardError.write(Data((problem + "\n").utf8))
            throw ExitCode(2)
        }
        // The outcome of the run last started (a rewind starts a new one), set on the loop thread.
        let outcomes = PthreadLocked<PythonOutcome?>(nil)
        let reason = plain ? nil : TerminalCheck.unusableReason()
        // Nobody steps or faults a plain run: the Python side may run ahead.
        let run = python.headlessRun(runningAhead: plain || reason != nil) { outcome in outcomes.withLock { $0 = outcome } }
        if plain || reason != nil {
            if let reason { FileHandle.standardError.write(Data("interleave: \(reason); showing plain output\n".utf8)) }
            let store = run.run().store
            print(PlainReport(store: store, includesCaptions: captions).render(), terminator: "")
            return try exit(with: outcomes.withLock { $0 })
        }
        try TUIApp.withBackend { backend in
            let live = LiveSource(
                policy: .fifo, speed: speed ?? 1, startPaused: false, program: nil, makeLoop: { run.makeLoop(policy: $0) })
            TUIApp.endIfTerminated(TUISession(backend: backend, live: live, replay: nil, speed: speed ?? 1, presentation: false).run())
        }
        try exit(with: outcomes.withLock { $0 })
    }

    /// Ends with the program's own exit status.
    private func exit(with outcome: PythonOutcome?) throws {
        guard let outcome, let status = outcome.status, status != 0 else { return }
        throw ExitCode(status)
    }
}

extension PythonProgram {
    /// The program as a workload: its trace's header names it, and each start (a rewind makes
    /// a new one) hands its outcome to `started`. `runningAhead` only where nothing will step,
    /// pause or fault the run (see `PythonProgram.start`).
    func headlessRun(runningAhead: Bool = false, _ started: @escaping @Sendable (PythonOutcome) -> Void = { _ in }) -> HeadlessRun {
        HeadlessRun(policy: .fifo) { loop in
            var header = loop.store.header
            header.demoName = fileName
            header.title = fileName
            loop.store.header = header
            started(start(on: loop, runningAhead: runningAhead))
        }
    }
}
