import Foundation
import Interleave
import InterleaveTrace

/// A Python asyncio program to run under Interleave: `interleave run FILE.py ARGS…`.
///
/// Started on a loop, it runs in a `python3` child that does only what the loop tells it, one
/// task step at a time, in the loop's virtual time (docs/python-protocol.md). The program's
/// module is a lane of its own (named after its file); each asyncio task is a lane under the
/// task that created it; locks, events, conditions, semaphores, queues and futures are resources.
/// Every view, step back, fault and export works on it as on a demo.
/// ```swift
/// let program = PythonProgram(path: "lesson.py")
/// let loop = Loop()
/// let outcome = program.start(on: loop)
/// loop.runUntilIdle()
/// loop.close()
/// outcome.status          // 0, or what CPython would exit with
/// ```
public struct PythonProgram: Sendable {
    /// The program file, as given.
    public let path: String
    /// What the program sees in `sys.argv[1:]`.
    public let arguments: [String]
    /// Its working directory and environment: by default this process's, as `python3 FILE.py` would.
    public let directory: String
    public let environment: [String: String]

    public init(path: String, arguments: [String] = [], directory: String? = nil, environment: [String: String]? = nil) {
        self.path = path
        self.arguments = arguments
        self.directory = directory ?? FileManager.default.currentDirectoryPath
        self.environment = environment ?? ProcessInfo.processInfo.environment
    }

    /// The program's absolute path.
    public var absolutePath: String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: directory)).standardized.path
    }

    /// Its file name: the module's lane, the code pane's title.
    public var fileName: String { (path as NSString).lastPathComponent }

    /// Checks what can be checked before starting: the file is there and readable. Throws a
    /// one-line error otherwise.
    public func validate() throws {
        guard FileManager.default.isReadableFile(atPath: absolutePath) else {
            throw PythonRunError("cannot read \(path): no such file")
        }
    }

    /// Starts the program on `loop` (not yet run): its source goes to the code pane and its
    /// module lane is spawned. Read the outcome once the loop has run.
    @discardableResult
    /// With `runningAhead`, the Python side steps itself, in asyncio's order, while the loop
    /// follows: far fewer round trips, for a run nobody steps, pauses or faults (`--plain`, a
    /// recording without injections, the benchmark). The trace is the same.
    public func start(on loop: Loop, runningAhead: Bool = false) -> PythonOutcome {
        let outcome = PythonOutcome()
        if let text = try? String(contentsOfFile: absolutePath, encoding: .utf8) {
            loop.store.addSource(SourceFile(fileID: fileName, text: text))
        }
        let run = PythonRun(program: self, loop: loop, outcome: outcome, runsAhead: runningAhead)
        run.start()
        return outcome
    }

    /// Why `python3` cannot run programs here (missing, or older than 3.10), in one line; nil
    /// when it can.
    public static func interpreterProblem() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys; print('%d.%d' % sys.version_info[:2]); sys.exit(0 if sys.version_info >= (3, 10) else 3)"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return "interleave run needs python3 ≥ 3.10, and /usr/bin/env cannot start it" }
        let version = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: return nil
        case 127: return "interleave run needs python3 ≥ 3.10, and there is no python3 on the PATH"
        default: return "interleave run needs python3 ≥ 3.10" + (version.isEmpty ? "" : " (this is \(version))")
        }
    }

    /// A benchmark program shipped with the runner (`Resources/python/benchmarks`).
    public static func benchmarkFile(_ name: String) -> URL? {
        guard let directory = runnerDirectory else { return nil }
        let url = URL(fileURLWithPath: directory).appendingPathComponent("benchmarks").appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The directory holding the runner package (`interleave_asyncio`), from this module's resources.
    static var runnerDirectory: String? {
        Bundle.module.url(forResource: "python", withExtension: nil)?.path
    }
}

/// How a program run ended: its exit status (as CPython's) once known.
public final class PythonOutcome: Sendable {
    /// Written on the loop thread during the run, read after it: the status and why.
    private let ending = PthreadLocked<(status: Int32, reason: String?)?>(nil)

    /// The status CPython would exit with; nil while the program has not ended.
    public var status: Int32? { ending.withLock { $0?.status } }
    /// Why it ended badly, in one line (the exception, or the runner's own problem).
    public var reason: String? { ending.withLock { $0?.reason } }

    /// Records the end; the first one counts.
    func finish(status: Int32, reason: String?) {
        ending.withLock { if $0 == nil { $0 = (status, reason) } }
    }
}

/// A problem running the program (not the program's own exception), said in one line.
public struct PythonRunError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
