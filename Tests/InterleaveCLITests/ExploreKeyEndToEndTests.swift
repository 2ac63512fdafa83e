import Foundation
import Testing

/// `e` in a real terminal: from the start of the bank demo, explore finds the overdraft, Enter
/// switches to that run, and stepping on shows the check fail.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct ExploreKeyEndToEndTests {
    /// The step the header shows ("step 4/9 · …" or "step 4 · …").
    private func headerStep(_ screen: String) -> Int? {
        guard let header = screen.split(separator: "\n").first,
              let range = header.range(of: #"step \d+"#, options: .regularExpression) else { return nil }
        return Int(header[range].dropFirst("step ".count))
    }

    @Test func eFindsTheOverdraftAndEnterStepsThroughIt() throws {
        let session = try TmuxSession(command: "'\(CLIBinary.url.path)' demo bank", width: 120, height: 40)
        defer { session.close() }
        try session.waitForScreen(timeout: .seconds(20), "the live view") { $0.contains("Timeline") && $0.contains("quit") }
        try session.sendKeys("Space", "g")
        try session.waitForScreen("paused at the start") { $0.hasPrefix(" PAUSED") && headerStep($0) == 0 }
        try session.sendKeys("e")
        let offer = try session.waitForScreen(timeout: .seconds(20), "the offer") { $0.contains("found overdraft") }
        #expect(offer.contains("enter: see it"))
        try session.sendKeys("Enter")
        try session.waitForScreen(containing: "on the failing schedule at step 0")
        // Step on, one job at a time, until the check fails: each press moves the header on.
        var screen = try session.screen()
        var steps = 0
        while !screen.contains("CHECK FAILED"), steps < 30 {
            let before = headerStep(screen) ?? -1
            try session.sendKeys("s")
            screen = try session.waitForScreen("step \(before + 1)") { (headerStep($0) ?? -1) > before || $0.contains("CHECK FAILED") }
            steps += 1
        }
        #expect(screen.contains("CHECK FAILED"), "no failed check after \(steps) steps:\n\(screen)")
        #expect(screen.contains("overdraft"))
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    /// A demo's recording (its plain FIFO run, which passes) explores like the live run: the
    /// offer replaces the recording on screen with the failing one, at the same step.
    @Test func eInADemosRecordingFindsAndOpensTheFailingSchedule() throws {
        let trace = FileManager.default.temporaryDirectory.appendingPathComponent("explore-key-\(UUID().uuidString.prefix(8)).itrace")
        defer { try? FileManager.default.removeItem(at: trace) }
        let record = try CLIBinary.run(["record", "bank", "-o", trace.path])
        #expect(record.status == 0)
        let session = try TmuxSession(command: "'\(CLIBinary.url.path)' replay '\(trace.path)'", width: 120, height: 40)
        defer { session.close() }
        try session.waitForScreen(timeout: .seconds(20), "the replay") { $0.contains("Timeline") }
        try session.sendKeys("Space")
        try session.waitForScreen(containing: "PAUSED")
        try session.sendKeys("Home")
        try session.waitForScreen("step 0") { $0.split(separator: "\n").first?.contains("step 0/") == true }
        try session.sendKeys("e")
        try session.waitForScreen(containing: "found overdraft: balance -60", timeout: .seconds(20))
        try session.sendKeys("Enter")
        try session.waitForScreen(containing: "on the failing schedule at step 0")
        let end = try session.waitForScreen(timeout: .seconds(20), "the check failing") { screen in
            if screen.contains("CHECK FAILED in bob") { return true }
            try? session.sendKeys("s")
            return false
        }
        #expect(end.contains("»"), "the preemption is marked")
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }
}
