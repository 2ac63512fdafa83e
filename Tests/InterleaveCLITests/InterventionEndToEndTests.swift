import Foundation
import Testing

/// The moments a learner acts, in a real terminal: breaking a deadlock by hand, resuming after
/// stepping back, and a short demo that plays slowly enough to follow.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct InterventionEndToEndTests {
    /// The header's virtual time, in seconds ("step 4 · 1.484s").
    private func headerSeconds(_ screen: String) -> Double? {
        guard let header = screen.split(separator: "\n").first,
              let range = header.range(of: #"\d+\.\d{3}s"#, options: .regularExpression) else { return nil }
        return Double(header[range].dropLast())
    }

    @Test func failingATaskInTheCycleBreaksTheDeadlockAndTheRunFinishes() throws {
        let session = try TmuxSession(command: "'\(CLIBinary.url.path)' demo deadlock --speed 4", width: 120, height: 40)
        defer { session.close() }
        try session.waitForScreen(timeout: .seconds(20), "the deadlock") { $0.hasPrefix(" DEADLOCK") }
        // main, task1, task2 in tree order: select task1, then fail it.
        try session.sendKeys("j", "j")
        try session.waitForScreen("task1 selected") { $0.contains("▶   task1") }
        try session.sendKeys("f")
        let ended = try session.waitForScreen(timeout: .seconds(20), "the run going on to its end") {
            !$0.hasPrefix(" DEADLOCK") && $0.contains("task2 finished") && $0.contains("run ended")
        }
        #expect(ended.contains("You made task1 fail"), "the caption says what the user did")
        #expect(ended.contains("the deadlock is broken"))
        #expect(!ended.contains("a cycle nothing can break"))
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test func resumingAfterSteppingBackGoesOnFromTheRewoundTime() throws {
        let session = try TmuxSession(command: "'\(CLIBinary.url.path)' demo gather --speed 4", width: 120, height: 40)
        defer { session.close() }
        try session.waitForScreen(timeout: .seconds(20), "the end of the run") { $0.contains("ended") }
        try session.sendKeys("b", "b", "b")
        let rewound = try session.waitForScreen("rewound to step 3") { $0.contains("rewound to step 3") }
        let shown = try #require(headerSeconds(rewound))
        try session.sendKeys("Space")
        let live = try session.waitForScreen("live again") { screen in
            let header = screen.split(separator: "\n").first ?? ""
            return !header.contains("rewound") && header.hasPrefix(" LIVE")
        }
        let resumed = try #require(headerSeconds(live))
        #expect(resumed >= shown, "the clock went back from \(shown) to \(resumed) on resuming")
        let done = try session.waitForScreen(timeout: .seconds(20), "the end again") { $0.contains("ended") }
        #expect(headerSeconds(done) == 2.0)
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test func aShortDemoIsStillPlayingThreeSecondsIn() throws {
        let session = try TmuxSession(command: "'\(CLIBinary.url.path)' demo race", width: 120, height: 40)
        defer { session.close() }
        try session.waitForScreen(timeout: .seconds(20), "the live view") { $0.contains("Timeline") && $0.contains("quit") }
        let started = Date()
        // Three seconds of wall time, watched rather than slept through: the run must not end.
        while Date().timeIntervalSince(started) < 3 {
            let screen = try session.screen()
            #expect(!(screen.split(separator: "\n").first ?? "").contains("ended"), "race ended within 3 s")
            Thread.sleep(forTimeInterval: 0.2)
        }
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test func atEightyColumnsThePhilosophersAndTheirForksStayDistinguishable() throws {
        let session = try TmuxSession(command: "'\(CLIBinary.url.path)' demo philosophers --speed 4", width: 80, height: 24)
        defer { session.close() }
        let screen = try session.waitForScreen(timeout: .seconds(20), "the deadlock") { $0.hasPrefix(" DEADLOCK") }
        let lines = screen.split(separator: "\n").map(String.init)
        // Lane labels: the timeline's rows that draw a philosopher's lane.
        let lanes = lines.compactMap { line -> String? in
            guard let start = line.firstIndex(of: "│") else { return nil }
            let label = line[line.index(after: start)...].prefix(13).trimmingCharacters(in: .whitespaces)
            return label.hasPrefix("phil") ? label : nil
        }
        #expect(lanes.count == 5 && Set(lanes).count == 5, "lanes: \(lanes)")
        // Holders in the Resources pane: the right-hand pane beside the timeline.
        let holders = lines.prefix { !$0.contains("Events") }.compactMap { line -> String? in
            guard let pane = line.range(of: "││", options: .backwards).map({ line[$0.upperBound...] }),
                  let range = pane.range(of: #"held by [^ │]+"#, options: .regularExpression) else { return nil }
            return String(pane[range])
        }
        #expect(holders.count == 5 && Set(holders).count == 5, "holders: \(holders)")
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test func anInjectionNoTaskCanTakeIsRefusedBeforeTheScreenOpens() throws {
        // The error goes to a file: a pane whose program ends at once may show nothing of it.
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("interleave-inject-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: errors) }
        let session = try TmuxSession(
            command: "'\(CLIBinary.url.path)' demo gather --inject 'fail task2 at 10s' 2> '\(errors.path)'", width: 80, height: 24)
        defer { session.close() }
        #expect(try session.waitForExit() == 2)
        let message = try String(contentsOf: errors, encoding: .utf8)
        #expect(message == "interleave: no running task named 'task2' at 10.0 seconds\n")
    }
}
