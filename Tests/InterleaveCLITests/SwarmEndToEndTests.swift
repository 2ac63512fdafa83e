import Foundation
import Testing

/// The largest swarm in a real terminal: the view follows the run and answers keys.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct SwarmEndToEndTests {
    private func header(_ screen: String) -> String { String(screen.split(separator: "\n").first ?? "") }

    /// Virtual seconds shown in the header ("· 1.234s ·").
    private func headerSeconds(_ screen: String) -> Double? {
        let line = header(screen)
        guard let range = line.range(of: #"(\d+\.\d+)s"#, options: .regularExpression) else { return nil }
        return Double(line[range].dropLast())
    }

    @Test func aHundredThousandTaskSwarmIsFollowedLiveAndAnswersKeys() throws {
        let session = try TmuxSession(command: "'\(CLIBinary.url.path)' demo swarm --tasks 100000", width: 160, height: 45)
        defer { session.close() }
        // These waits bound a hang, not speed (the benchmarks judge that); a sanitizer build runs
        // a million events several times slower.
        let patience = Sanitizer.isActive ? 4 : 1
        // Spawning 100,000 tasks is a burst of a million events at time 0; the view must keep
        // following it (it once mistook the growing index for a step back and froze).
        let running = try session.waitForScreen(timeout: .seconds(90 * patience), "the swarm's clock to move") {
            $0.contains("worker") && (headerSeconds($0) ?? 0) > 0
        }
        #expect(!header(running).contains("rewound"), "\(header(running))")

        try session.sendKeys("Space")
        let paused = try session.waitForScreen(timeout: .seconds(5 * patience), "PAUSED") { header($0).contains("PAUSED") }
        let heldAt = headerSeconds(paused)
        for _ in 0..<5 {
            Thread.sleep(forTimeInterval: 0.05)
            #expect(headerSeconds(try session.screen()) == heldAt)
        }
        try session.sendKeys("q")
        #expect(try session.waitForExit(timeout: .seconds(10 * patience)) == 0)
    }
}
