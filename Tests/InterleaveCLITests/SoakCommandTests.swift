import Foundation
import Testing

/// `interleave soak` at a small size: the full run is a documented command (README), but its
/// checks run here on every change, with faults injected and events trimmed.
@Suite(.enabled(if: CLIBinary.isBuilt, "the interleave binary is built by swift build"))
struct SoakCommandTests {
    @Test func aSmallSoakHoldsEveryInvariantWhileKeepingOnlyTheNewestEvents() throws {
        let run = try CLIBinary.run(["soak", "--tasks", "3000", "--rounds", "3", "--keep-events", "20000", "--seed", "7"])
        #expect(run.status == 0, "stderr: \(run.err)\n\(run.out)")
        #expect(run.out.contains("result: every invariant held"))
        // Faults were really injected, and really ended some workers.
        let outcomes = try #require(run.out.split(separator: "\n").first { $0.contains("outcomes:") })
        #expect(!outcomes.contains(" 0 failed") && !outcomes.contains(" 0 cancelled"), "\(outcomes)")
        // 16,384-event chunks are freed between waves, so the window stays near the limit.
        let memory = try #require(run.out.split(separator: "\n").first { $0.contains("memory:") })
        let held = Int(memory.split(separator: "at most ").last?.split(separator: " ").first ?? "") ?? .max
        #expect(held < 20_000 + 65_536, "\(memory)")
    }

    @Test func badOptionsAreOneLineErrors() throws {
        let run = try CLIBinary.run(["soak", "--tasks", "0"])
        #expect(run.status != 0)
        #expect(run.err.contains("--tasks must be between"))
    }
}
