import Foundation
import Testing

/// A failure found by `interleave explore`, replayed in a real terminal: it opens paused where
/// the schedule leaves FIFO, says so, and steps, steps back and plays on from there.
@Suite(.enabled(if: TmuxSession.isAvailable && CLIBinary.isBuilt, "needs tmux and the built CLI"))
struct ExploreReplayEndToEndTests {
    let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("interleave-explore-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static let caption = "Here bob runs ahead of alice: the only choice that differs from FIFO"

    private func headerStep(_ screen: String) -> Int? {
        guard let header = screen.split(separator: "\n").first,
              let range = header.range(of: #"step (\d+)"#, options: .regularExpression) else { return nil }
        return Int(header[range].dropFirst(5))
    }

    @Test func theReplayOpensPausedAtTheDivergenceAndStepsFromThere() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let trace = scratch.appendingPathComponent("bank.itrace").path
        let explored = try CLIBinary.run(["explore", "bank", "-o", trace])
        #expect(explored.status == 1, "a failure was found: \(explored.out)\(explored.err)")
        #expect(explored.out.contains("shrunk to 1 preemption"))

        let session = try TmuxSession(command: "'\(CLIBinary.url.path)' replay '\(trace)'", width: 80, height: 24)
        defer { session.close() }
        let opening = try session.waitForScreen(timeout: .seconds(20), "paused at the divergence") {
            $0.contains(Self.caption) && $0.contains("PAUSED") && $0.contains("quit")
        }
        let step = try #require(headerStep(opening))
        let bobsLane = try #require(opening.split(separator: "\n").first { $0.contains("│    bob ") })
        #expect(bobsLane.contains("»"), "bob's lane marks the choice: \(bobsLane)")
        #expect(opening.contains("»ahead"))
        #expect(!opening.contains("bob sleeps"), "bob's job has not run yet")

        // The step key runs bob's job, the one chosen ahead of alice's: he looks the account up.
        try session.sendKeys("s")
        let stepped = try session.waitForScreen("bob's job") { headerStep($0) == step + 1 }
        #expect(stepped.contains("bob sleeps until 0.100s") && stepped.contains(Self.caption) && stepped.contains("PAUSED"))
        try session.sendKeys("b")
        let back = try session.waitForScreen("back at the choice") { headerStep($0) == step }
        #expect(back.contains(Self.caption) && !back.contains("bob sleeps"))

        // Playing on from the choice reaches the broken check and the end.
        try session.sendKeys("Space")
        try session.waitForScreen(timeout: .seconds(20), "the end of the run") {
            $0.contains("REPLAY") && $0.contains("CHECK FAILED in bob") && $0.contains("ended")
        }
        try session.resize(width: 120, height: 40)
        try session.waitForScreen("the 120-column layout") { $0.contains("»ahead") && $0.contains("Balance at the end: -60") }
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }
}
