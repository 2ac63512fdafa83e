import Foundation
import Testing

/// The full path in a real terminal: tmux runs `interleave`, keys go in, the screen comes back.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
final class TerminalEndToEndTests: Sendable {
    let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("interleave-e2e-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Each test gets a fresh folder, removed with it.
    deinit { try? FileManager.default.removeItem(at: scratch) }

    private func headerStep(_ screen: String) -> Int? {
        guard let header = screen.split(separator: "\n").first,
              let range = header.range(of: #"step (\d+)"#, options: .regularExpression) else { return nil }
        return Int(header[range].dropFirst(5))
    }

    private func ttyRestored() throws -> Bool {
        let before = try String(contentsOf: scratch.appendingPathComponent("stty-before"), encoding: .utf8)
        let after = try String(contentsOf: scratch.appendingPathComponent("stty-after"), encoding: .utf8)
        return !before.isEmpty && before == after
    }

    @Test func pauseStepBackInjectResizeAndQuit() throws {
        let session = try TmuxSession(
            command: CLIBinary.commandRecordingTTY("demo gather --speed 0.125", in: scratch), width: 100, height: 30)
        defer { session.close() }
        let first = try session.waitForScreen(timeout: .seconds(20), "lanes and resources") {
            $0.contains("Timeline") && $0.contains("task1") && $0.contains("task2") && $0.contains("gather(2)")
        }
        #expect(first.contains("LIVE"))

        try session.sendKeys("Space")
        let paused = try session.waitForScreen(containing: "PAUSED")
        let step = try #require(headerStep(paused))
        // Paused means the step number holds still; poll a few frames to see it does.
        for _ in 0..<5 {
            Thread.sleep(forTimeInterval: 0.05)
            #expect(headerStep(try session.screen()) == step)
        }
        try session.sendKeys("s")
        try session.waitForScreen("step \(step + 1)") { headerStep($0) == step + 1 }
        try session.sendKeys("b")
        try session.waitForScreen("step \(step)") { headerStep($0) == step }

        // Select task2 (main, task1, task2 in tree order) and fail it: gather raises the error in
        // main at once, and task1 runs on (asyncio's gather cancels nobody).
        try session.sendKeys("j", "j", "j")
        try session.waitForScreen("task2 selected") { $0.contains("▶   task2") || $0.contains(">   task2") }
        try session.sendKeys("f", "Space")
        let failed = try session.waitForScreen(timeout: .seconds(20), "task2 failed, then main") {
            $0.contains("task2 failed") && $0.contains("main failed")
        }
        let lane = try #require(failed.split(separator: "\n").first { $0.contains("task2") && !$0.contains(":") })
        #expect(lane.contains("✗") || lane.contains(" x "), "task2's lane shows it failed: \(lane)")

        try session.resize(width: 80, height: 24)
        let small = try session.waitForScreen("the 80-column layout") { screen in
            let lines = screen.split(separator: "\n")
            // The footer is drawn last: wait for it so the whole frame is there.
            return screen.contains("Timeline") && screen.contains("quit") && lines.allSatisfy { $0.count <= 80 }
                && lines.count <= 24
        }
        #expect(small.split(separator: "\n").first?.contains("gather") == true)

        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
        #expect(try ttyRestored())
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let session = try TmuxSession(
            command: CLIBinary.commandRecordingTTY("demo lock --speed 0.25", in: scratch), width: 100, height: 30)
        defer { session.close() }
        try session.waitForScreen(containing: "Timeline", timeout: .seconds(20))
        let shell = try session.paneValue("pane_pid")
        let kill = Process()
        kill.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
        kill.arguments = ["-TERM", "-P", shell, "interleave"]
        try kill.run()
        kill.waitUntilExit()
        #expect(try session.waitForExit() == 143)
        #expect(try ttyRestored())
    }

    @Test func tooSmallTerminalShowsAMessageAndRecovers() throws {
        let session = try TmuxSession(command: CLIBinary.commandRecordingTTY("demo gather --speed 0.125", in: scratch), width: 60, height: 15)
        defer { session.close() }
        try session.waitForScreen(containing: "too small", timeout: .seconds(20))
        try session.resize(width: 100, height: 30)
        try session.waitForScreen(containing: "Timeline")
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }
}

/// The CLI without a terminal: plain output, listings, and one-line errors with exit status 2.
struct HeadlessCLITests {
    @Test func plainOutputWhenStdoutIsNotATerminal() throws {
        let result = try CLIBinary.run(["demo", "gather"])
        #expect(result.status == 0)
        #expect(result.err.contains("not a terminal"))
        #expect(result.out.contains("1.000s  task2  Task 2 completed"))
        #expect(result.out.contains("done in 2.000s virtual"))
    }

    @Test func unknownDemoIsAOneLineErrorWithSuggestions() throws {
        let result = try CLIBinary.run(["demo", "gathr", "--plain"])
        #expect(result.status == 2)
        #expect(result.err.contains("did you mean gather"))
        #expect(result.err.split(separator: "\n").count == 1)
    }

    @Test func corruptTraceIsAOneLineError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-trace-\(UUID()).itrace")
        try Data("definitely not a trace".utf8).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        for command in [["replay", path.path], ["export", path.path, "--format", "text"]] {
            let result = try CLIBinary.run(command)
            #expect(result.status == 2)
            #expect(result.err.contains("not an Interleave trace"))
            #expect(result.err.split(separator: "\n").count == 1)
        }
    }

    @Test func recordThenExportRoundTrips() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gather-\(UUID()).itrace").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let record = try CLIBinary.run(["record", "gather", "-o", path, "--inject", "fail task2 at 0.5s"])
        #expect(record.status == 0)
        let text = try CLIBinary.run(["export", path, "--format", "text"])
        #expect(text.out.contains("task2 failed: injected fault"))
        let chrome = try CLIBinary.run(["export", path, "--format", "chrome"])
        let json = try JSONSerialization.jsonObject(with: Data(chrome.out.utf8)) as? [String: Any]
        let events = try #require(json?["traceEvents"] as? [[String: Any]])
        #expect(events.allSatisfy { $0["ph"] != nil && $0["ts"] != nil && $0["pid"] != nil && $0["tid"] != nil && $0["name"] != nil })
        #expect(Set(events.compactMap { $0["ph"] as? String }).isSuperset(of: ["M", "X", "i"]))
    }
}
