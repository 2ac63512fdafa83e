import Foundation
import InterleaveTrace
import Testing

/// Recordings survive their writer: `kill -9` of `interleave record` or of a recording TUI
/// session leaves a file that loads up to its last flush, and an output that cannot be written
/// is a one-line error (exit 2), or in the TUI a status note while the live run goes on.
@Suite(.enabled(if: CLIBinary.isBuilt, "needs the interleave executable"))
final class DurabilityTests: Sendable {
    let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("interleave-durability-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Each test gets a fresh folder, removed with it.
    deinit { try? FileManager.default.removeItem(at: scratch) }

    /// A swarm big enough that recording it takes many seconds, so the kill lands mid-run.
    static let longRecording = ["record", "swarm", "--tasks", "200000"]

    /// True once the process is gone or a zombie (its parent, the tmux server, may reap it late).
    private func hasEnded(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let afterName = stat.range(of: ") ") else { return true }
        return stat[afterName.upperBound...].hasPrefix("Z")
    }

    private func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    /// Polls until the file has grown `flushes` times after first appearing; true if it did in time.
    private func waitForFlushes(of path: String, count flushes: Int, timeout: Duration = .seconds(30)) -> Bool {
        let clock = ContinuousClock(), deadline = clock.now.advanced(by: timeout)
        var seen = 0, last = 0
        while seen < flushes && clock.now < deadline {
            let now = size(of: path)
            if now > last { seen += last > 0 ? 1 : 0; last = now }
            usleep(10_000)
        }
        return seen >= flushes
    }

    /// The temporary file a staged write of `name` in the scratch folder streams into, once it appears.
    private func waitForPartialFile(of name: String, timeout: Duration = .seconds(30)) -> String? {
        let clock = ContinuousClock(), deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: scratch.path)) ?? []
            if let found = names.first(where: { $0.hasPrefix(".\(name).") && $0.hasSuffix(".partial") }) {
                return scratch.appendingPathComponent(found).path
            }
            usleep(10_000)
        }
        return nil
    }

    /// A file loads, and holds at least what `earlier` (a copy of its first bytes) held.
    private func expectLoadsWithoutLoss(_ path: String, earlier: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let final = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(final.starts(with: earlier), "the recorder only appends", sourceLocation: sourceLocation)
        let loaded = try TraceDecoder.decodeFile(atPath: path)
        let before = try TraceDecoder.decode(earlier)
        #expect(loaded.store.events.count > 0, sourceLocation: sourceLocation)
        #expect(loaded.store.events.count >= before.store.events.count, "nothing already flushed is lost", sourceLocation: sourceLocation)
        let text = try CLIBinary.run(["export", path, "--format", "text"])
        #expect(text.status == 0, "export: \(text.err)", sourceLocation: sourceLocation)
        #expect(text.out.contains("timeline"), sourceLocation: sourceLocation)
    }

    @Test func killNineOfRecordLeavesAFileThatLoadsUpToItsLastFlush() throws {
        let path = scratch.appendingPathComponent("killed.itrace").path
        let process = Process()
        process.executableURL = CLIBinary.url
        process.arguments = Self.longRecording + ["-o", path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        // The run streams into a hidden file beside the path, renamed to it only at the end.
        let partial = try #require(waitForPartialFile(of: "killed.itrace"), "the recording's temporary file appears")
        #expect(waitForFlushes(of: partial, count: 3), "the recorder flushes while the run goes on")
        let earlier = [UInt8](try Data(contentsOf: URL(fileURLWithPath: partial)))
        #expect(process.isRunning, "still recording when killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        #expect(!FileManager.default.fileExists(atPath: path), "an unfinished recording never takes the path")
        try expectLoadsWithoutLoss(partial, earlier: earlier)
        let replay = try CLIBinary.run(["replay", partial])
        #expect(replay.status == 0, "replay without a terminal prints the plain report: \(replay.err)")
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
    func killNineOfARecordingSessionLeavesAReadableFile() throws {
        let pidFile = scratch.appendingPathComponent("pid").path
        // `exec` makes the pane's shell become interleave, so $$ is its process id.
        let command = "cd \(TmuxSession.shellQuoted(scratch.path)) && echo $$ > pid && "
            + "exec \(TmuxSession.shellQuoted(CLIBinary.url.path)) demo swarm --tasks 20000"
        let session = try TmuxSession(command: command, width: 120, height: 40)
        defer { session.close() }
        try session.waitForScreen(timeout: .seconds(20), "the live view") { $0.contains("Timeline") && $0.contains("quit") }
        try session.sendKeys("R")
        try session.waitForScreen(containing: "recording to")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: scratch.path).first { $0.hasSuffix(".itrace") })
        let path = scratch.appendingPathComponent(name).path
        #expect(waitForFlushes(of: path, count: 3), "the session's recorder flushes while it runs")
        let earlier = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let pid = try #require(pid_t(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, SIGKILL) == 0)
        #expect(try session.poll(timeout: .seconds(10)) { hasEnded(pid) ? true : nil } == true, "killed")
        try expectLoadsWithoutLoss(path, earlier: earlier)
    }

    @Test(arguments: [
        ("/dev/full", "No space left on device"),
        ("/nonexistent-interleave-dir/out.itrace", "No such file or directory"),
        ("FILE_AS_PARENT/out.itrace", "Not a directory"),
    ])
    func unwritableOutputIsAOneLineErrorWithStatusTwo(output: String, reason: String) throws {
        let regularFile = scratch.appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: regularFile)
        let path = output.replacingOccurrences(of: "FILE_AS_PARENT", with: regularFile.path)
        let result = try CLIBinary.run(["record", "gather", "-o", path])
        #expect(result.status == 2)
        #expect(result.err == "interleave: cannot write \(path): \(reason)\n")
        #expect(!FileManager.default.fileExists(atPath: path) || path == "/dev/full")
        #expect(try FileManager.default.attributesOfItem(atPath: "/dev/full")[.type] as? FileAttributeType == .typeCharacterSpecial,
                "the device is written to, never replaced by a file")
    }

    @Test(arguments: ["/dev/full", "/nonexistent-interleave-dir/out.txt"])
    func exportToAnUnwritablePathIsAOneLineErrorAndLeavesDevicesAlone(output: String) throws {
        let trace = scratch.appendingPathComponent("gather.itrace").path
        #expect(try CLIBinary.run(["record", "gather", "-o", trace]).status == 0)
        for format in ["text", "jsonl", "chrome"] {
            let result = try CLIBinary.run(["export", trace, "--format", format, "-o", output])
            #expect(result.status == 2)
            #expect(result.err.hasPrefix("interleave: cannot write \(output): "))
            #expect(result.err.filter { $0 == "\n" }.count == 1, "one line: \(result.err)")
        }
        #expect(try FileManager.default.attributesOfItem(atPath: "/dev/full")[.type] as? FileAttributeType == .typeCharacterSpecial)
    }

    /// A disk that fills up mid-run (here a file-size limit, with SIGXFSZ ignored so the write
    /// fails with EFBIG as on a full disk): one line, status 2, and no file left behind, neither
    /// at the path nor the temporary one beside it.
    @Test func aWriteFailingMidRunIsAOneLineErrorAndLeavesNoFile() throws {
        let path = scratch.appendingPathComponent("limited.itrace").path
        let script = "trap '' XFSZ; ulimit -f 1024; exec \(TmuxSession.shellQuoted(CLIBinary.url.path)) record swarm --tasks 20000 -o \(TmuxSession.shellQuoted(path))"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message == "interleave: recording to \(path) failed: File too large\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }

    /// A record that fails (an injection that finds no task, or one after the run has ended)
    /// leaves nothing at the path, and an existing file there as it was.
    @Test(arguments: ["fail task9 at 1s", "fail task2 at 10s"])
    func aFailedRecordLeavesNoFileAndKeepsTheOldOne(injection: String) throws {
        let path = scratch.appendingPathComponent("gather.itrace").path
        let result = try CLIBinary.run(["record", "gather", "-o", path, "--inject", injection])
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("interleave: ") && result.err.filter { $0 == "\n" }.count == 1, "\(result.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty, "nothing at the path, no temporary file")

        try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try CLIBinary.run(["record", "gather", "-o", path, "--inject", injection]).status == 2)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["gather.itrace"])
    }

    /// An export that fails (a missing trace, a bad option) leaves nothing at its output path.
    @Test(arguments: [["missing.itrace", "--format", "text"], ["missing.itrace", "--format", "cast", "--fps", "0"]])
    func aFailedExportLeavesNoFile(arguments: [String]) throws {
        let output = scratch.appendingPathComponent("out.txt").path
        let result = try CLIBinary.run(["export"] + arguments + ["-o", output])
        #expect(result.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }

    /// A successful export replaces the old file whole, and a symlink at the path stays one.
    @Test func anExportReplacesTheFileAndKeepsASymlink() throws {
        let trace = scratch.appendingPathComponent("gather.itrace").path
        #expect(try CLIBinary.run(["record", "gather", "-o", trace]).status == 0)
        let target = scratch.appendingPathComponent("target.txt").path
        let link = scratch.appendingPathComponent("link.txt").path
        try Data(String(repeating: "old\n", count: 10_000).utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(try CLIBinary.run(["export", trace, "--format", "text", "-o", link]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("0.000s"))
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: scratch.path)) == ["gather.itrace", "target.txt", "link.txt"])
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
    func aRecordingThatCannotStartIsAStatusNoteAndTheRunGoesOn() throws {
        // A working directory that no longer exists: the file cannot be created, even as root.
        let gone = scratch.appendingPathComponent("gone")
        try FileManager.default.createDirectory(at: gone, withIntermediateDirectories: true)
        let command = "cd \(TmuxSession.shellQuoted(gone.path)) && rmdir \(TmuxSession.shellQuoted(gone.path)) && "
            + "\(TmuxSession.shellQuoted(CLIBinary.url.path)) demo swarm --tasks 20000"
        let session = try TmuxSession(command: command, width: 120, height: 40)
        defer { session.close() }
        try session.waitForScreen(timeout: .seconds(20), "the live view") { $0.contains("Timeline") && $0.contains("quit") }
        try session.sendKeys("R")
        let note = try session.waitForScreen(containing: "cannot record")
        #expect(note.contains("No such file or directory"))
        try expectRunGoesOn(session)
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
    func aRecordingThatFailsMidRunIsAStatusNoteAndTheRunGoesOn() throws {
        // At least 256 kB in any shell's units: under a smaller file-size limit ThreadSanitizer's
        // runtime dies of SIGBUS before main.
        let command = "cd \(TmuxSession.shellQuoted(scratch.path)) && trap '' XFSZ && ulimit -f 1024 && "
            + "\(TmuxSession.shellQuoted(CLIBinary.url.path)) demo swarm --tasks 20000"
        let session = try TmuxSession(command: command, width: 120, height: 40)
        defer { session.close() }
        try session.waitForScreen(timeout: .seconds(20), "the live view") { $0.contains("Timeline") && $0.contains("quit") }
        try session.sendKeys("R")
        let note = try session.waitForScreen(containing: "failed: File too large", timeout: .seconds(20))
        #expect(note.contains("recording to interleave-swarm-"))
        try expectRunGoesOn(session)
    }

    /// The live run still answers: it pauses, and `q` ends the session normally.
    private func expectRunGoesOn(_ session: TmuxSession, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try session.sendKeys("Space")
        try session.waitForScreen(containing: "PAUSED")
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0, sourceLocation: sourceLocation)
    }
}
