import Foundation
import Interleave
import InterleaveTrace
import Testing

/// `interleave export --format cast`: a valid asciicast v2 file that a real terminal emulator
/// (pyte, in a `.venv-test` made on first use) plays to the replay's final screen.
@Suite final class CastExportTests: Sendable {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let python = repository.appendingPathComponent(".venv-test/bin/python")
    static let script = repository.appendingPathComponent("Tests/Scripts/replay_cast.py")
    static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J"

    let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("interleave-cast-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Each test gets a fresh folder, removed with it.
    deinit { try? FileManager.default.removeItem(at: scratch) }

    /// One parsed cast: the header object and each event's time and output.
    struct Cast {
        var header: [String: Any]
        /// The output events.
        var events: [(time: Double, data: String)]
        /// The marker events, with their labels.
        var markers: [(time: Double, label: String)] = []
        var output: String { events.map(\.data).joined() }
    }

    @Test func theLockDemoPlaysToItsFinalScreen() throws {
        let trace = scratch.appendingPathComponent("lock.itrace").path
        let cast = scratch.appendingPathComponent("lock.cast").path
        try expectSuccess(CLIBinary.run(["record", "lock", "-o", trace]))
        try expectSuccess(CLIBinary.run(["export", trace, "--format", "cast", "-o", cast]))

        let parsed = try Self.parse(cast)
        #expect(parsed.header["width"] as? Int == 120)
        #expect(parsed.header["height"] as? Int == 40)
        #expect(parsed.events.first?.time == 0)
        #expect(parsed.events.first?.data.contains("\u{1B}[2J") == true, "the first event clears the screen")
        // The last frame is held: the closing event comes about 2 s after the one before it.
        let times = parsed.events.map(\.time)
        #expect(times.count >= 3 && abs(times[times.count - 1] - times[times.count - 2] - 2) < 0.01)
        // The lock demo takes 4 s of virtual time, which at 1× is 4 s of cast.
        #expect(abs(times[times.count - 2] - 4) < 0.1)

        let screen = try Self.play(cast)
        #expect(screen.count == 40)
        let text = screen.joined(separator: "\n")
        for expected in ["REPLAY", "interleave: lock", "main", "coroutine1", "coroutine2", "ended",
                         "4 s in all: the lock made the two 2 s sections take turns"] {
            #expect(text.contains(expected), "the final screen shows \(expected):\n\(text)")
        }
    }

    /// The clock and the timeline move through the lock demo's sleeps: at least ten frames a
    /// second of cast time in every stretch between events, and a marker per caption.
    @Test func theLockDemoMovesDuringItsSleepsAndMarksEachCaption() throws {
        let trace = scratch.appendingPathComponent("lock.itrace").path
        let cast = scratch.appendingPathComponent("lock.cast").path
        try expectSuccess(CLIBinary.run(["record", "lock", "-o", trace]))
        try expectSuccess(CLIBinary.run(["export", trace, "--format", "cast", "-o", cast]))
        let parsed = try Self.parse(cast)
        let times = parsed.events.map(\.time).dropLast()  // the held last frame
        let end = try #require(times.last)
        #expect(end > 3.9)
        for second in 0..<Int(end) {
            let frames = times.filter { $0 > Double(second) && $0 <= Double(second + 1) }.count
            #expect(frames >= 10, "\(frames) frames in second \(second + 1) of the cast")
        }
        let loaded = try TraceDecoder.decodeFile(atPath: trace)
        let captions = loaded.store.events.snapshot().filter { $0.kind == .caption }
            .map { loaded.store.string(StringID(rawValue: UInt32(truncatingIfNeeded: $0.arg))) }
        try #require(!captions.isEmpty)
        #expect(parsed.markers.map(\.label).filter(captions.contains) == captions, "one marker per caption, in order")
        #expect(parsed.markers.last?.label == "end")
    }

    /// `--idle-limit` plays a still stretch in at most that long, and `--fps` sets the rate.
    @Test func idleLimitCapsStillStretchesAndFpsSetsTheRate() throws {
        let trace = scratch.appendingPathComponent("lock.itrace").path
        let cast = scratch.appendingPathComponent("lock.cast").path
        try expectSuccess(CLIBinary.run(["record", "lock", "-o", trace]))
        try expectSuccess(CLIBinary.run(["export", trace, "--format", "cast", "-o", cast, "--idle-limit", "0.5", "--fps", "10"]))
        let parsed = try Self.parse(cast)
        let times = parsed.events.map(\.time)
        // The lock demo's two 2 s sections, each at most 0.5 s now: about 1 s of cast, then the hold.
        #expect(times[times.count - 2] < 1.2, "capped: \(times)")
        for (earlier, later) in zip(times.dropLast(), times.dropLast().dropFirst()) {
            #expect(later - earlier >= 0.1 - 1e-9, "at most 10 frames a second")
        }
        #expect(!parsed.markers.isEmpty)
        let screen = try Self.play(cast).joined(separator: "\n")
        #expect(screen.contains("4.000s"), "the clock still reaches the end:\n\(screen)")
    }

    @Test func sizeAndSpeedShapeTheCast() throws {
        let trace = scratch.appendingPathComponent("gather.itrace").path
        let cast = scratch.appendingPathComponent("gather.cast").path
        try expectSuccess(CLIBinary.run(["record", "gather", "-o", trace]))
        try expectSuccess(CLIBinary.run(["export", trace, "--format", "cast", "-o", cast, "--width", "80", "--height", "24", "--speed", "4"]))
        let parsed = try Self.parse(cast)
        #expect(parsed.header["width"] as? Int == 80)
        #expect(parsed.header["height"] as? Int == 24)
        // gather runs 2 s of virtual time: half a second at 4×, then the 2 s hold.
        let times = parsed.events.map(\.time)
        #expect(times.count >= 3 && abs(times[times.count - 2] - 0.5) < 0.1)
        let screen = try Self.play(cast)
        #expect(screen.count == 24 && screen.allSatisfy { $0.count == 80 })
        #expect(screen.joined().contains("task2"))
    }

    @Test func hostileNamesAreShownEscapedAndNeverReachTheCastRaw() throws {
        let trace = scratch.appendingPathComponent("hostile.itrace")
        try Self.hostileTrace().write(to: trace)
        let cast = scratch.appendingPathComponent("hostile.cast").path
        try expectSuccess(CLIBinary.run(["export", trace.path, "--format", "cast", "-o", cast]))

        let raw = try String(contentsOfFile: cast, encoding: .utf8)
        let rawControl = raw.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F..<0xA0).contains($0.value) }
        #expect(!rawControl, "no raw control byte in the file")
        let parsed = try Self.parse(cast)
        let output = parsed.output
        #expect(!output.unicodeScalars.contains("\u{07}"))
        #expect(!output.contains("\u{1B}]"))
        #expect(output.components(separatedBy: "\u{1B}[2J").count == 2, "only the encoder's own clear, once")
        // Every escape is one the encoder writes: CSI, digits and separators, then H, m, J, l or h.
        let escapes = output.components(separatedBy: "\u{1B}").dropFirst()
        let allowed = #/^\[\??[0-9;]*[HmJlh]/#
        for escape in escapes { #expect(escape.prefixMatch(of: allowed) != nil, "unexpected escape: \(escape.prefix(12).debugDescription)") }

        let screen = try Self.play(cast).joined(separator: "\n")
        #expect(screen.contains("\\e]0;pwned\\a\\e[2J"), "names are shown escaped:\n\(screen)")
        #expect(!screen.contains("pwned\u{07}"))
    }

    @Test(arguments: [
        (["--width", "79"], "--width must be between 80 and 500"),
        (["--height", "201"], "--height must be between 24 and 200"),
        (["--speed", "100"], "--speed must be between 1/16 and 64"),
        (["--fps", "0"], "--fps must be between 1 and 60"),
        (["--fps", "61"], "--fps must be between 1 and 60"),
        (["--idle-limit", "0"], "--idle-limit must be between 0.1 and 3600 seconds"),
        (["--idle-limit", "-1"], "--idle-limit must be between 0.1 and 3600 seconds"),
    ])
    func badSizesAndSpeedsAreOneLineErrors(arguments: [String], message: String) throws {
        let cast = scratch.appendingPathComponent("bad.cast").path
        let result = try CLIBinary.run(["export", "missing.itrace", "--format", "cast", "-o", cast] + arguments)
        #expect(result.status == 2)
        #expect(result.err == "interleave: \(message)\n")
        #expect(!FileManager.default.fileExists(atPath: cast))
    }

    // MARK: Helpers

    private func expectSuccess(_ result: (status: Int32, out: String, err: String), sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try #require(result.status == 0, "interleave failed: \(result.err)", sourceLocation: sourceLocation)
    }

    /// Reads a cast and checks its structure: a header object with version 2 and a size, then
    /// `[number, "o", string]` lines with times that never go back.
    static func parse(_ path: String) throws -> Cast {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let first = try #require(lines.first, "the cast is empty")
        let header = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] is Int && header["height"] is Int)
        var events: [(time: Double, data: String)] = []
        var markers: [(time: Double, label: String)] = []
        for (number, line) in lines.dropFirst().enumerated() {
            let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any], "line \(number + 2) is an array")
            try #require(event.count == 3, "line \(number + 2) has three elements")
            let time = try #require((event[0] as? NSNumber)?.doubleValue, "line \(number + 2) starts with a time")
            let code = event[1] as? String
            #expect(code == "o" || code == "m", "line \(number + 2) is output or a marker")
            let data = try #require(event[2] as? String, "line \(number + 2) ends with a string")
            #expect(time >= max(events.last?.time ?? 0, markers.last?.time ?? 0), "times never go back (line \(number + 2))")
            if code == "m" { markers.append((time, data)) } else { events.append((time, data)) }
        }
        try #require(!events.isEmpty, "the cast has events")
        return Cast(header: header, events: events, markers: markers)
    }

    /// True once `.venv-test` has pyte: made here on first use, so that `swift test` alone
    /// sets up what it needs on a fresh machine (python3 with venv, and the network to PyPI).
    static let emulatorReady: Bool = {
        let venv = repository.appendingPathComponent(".venv-test").path
        if !FileManager.default.isExecutableFile(atPath: python.path) {
            guard runQuietly("/usr/bin/env", ["python3", "-m", "venv", venv]) else { return false }
        }
        if runQuietly(python.path, ["-c", "import pyte"]) { return true }
        return runQuietly(python.path, ["-m", "pip", "install", "-q", "pyte"])
            && runQuietly(python.path, ["-c", "import pyte"])
    }()

    private static func runQuietly(_ executable: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Plays the cast into pyte and returns the final screen's rows.
    static func play(_ cast: String) throws -> [String] {
        try #require(emulatorReady, """
            no terminal emulator to play the cast, and making one failed: create the test venv with \
            `python3 -m venv .venv-test && .venv-test/bin/pip install pyte` in \(repository.path) \
            (bash .ci/run does this)
            """)
        let process = Process()
        process.executableURL = python
        process.arguments = [script.path, cast]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "replay_cast.py failed: \(String(decoding: errors, as: UTF8.self))")
        var rows = String(decoding: output, as: UTF8.self).components(separatedBy: "\n")
        if rows.last == "" { rows.removeLast() }
        return rows
    }

    /// A recorded run whose demo, task, lock and caption names try to write escape sequences.
    static func hostileTrace() throws -> Data {
        let loop = Loop()
        var header = loop.store.header
        header.demoName = hostile
        header.title = hostile
        loop.store.header = header
        let name = hostile
        _ = try loop.run(name) {
            let lock = Lock(name)
            caption(name)
            let worker = spawn(name + "worker") {
                try await lock.withLock { print(name) }
            }
            try await lock.withLock { try await sleep(for: .milliseconds(500)) }
            try await worker.value
        }
        let encoder = TraceEncoder(store: loop.store)
        return Data(encoder.fileStart() + encoder.encodeNew())
    }
}
