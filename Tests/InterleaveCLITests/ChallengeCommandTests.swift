import Demos
import Foundation
import Testing

/// `interleave challenge`, run as a user would, with no terminal and a state directory of its own.
@Suite(.serialized, .enabled(if: CLIBinary.isBuilt, "needs the interleave executable")) struct ChallengeCommandTests {
    /// Runs the CLI with `XDG_STATE_HOME` in a fresh directory, so no real progress is read or written.
    static func run(_ arguments: [String], state: URL? = nil) throws -> (status: Int32, out: String, err: String) {
        let directory = state ?? FileManager.default.temporaryDirectory.appendingPathComponent("challenge-\(UUID())")
        defer { if state == nil { try? FileManager.default.removeItem(at: directory) } }
        return try CLIBinary.run(arguments, environment: ["XDG_STATE_HOME": directory.path])
    }

    @Test func theListShowsEveryChallengeWithItsDifficultyWithin80Columns() throws {
        let listed = try Self.run(["challenge", "--list"])
        #expect(listed.status == 0)
        let lines = listed.out.split(separator: "\n", omittingEmptySubsequences: false)
        let named = Challenges.all.filter { challenge in
            lines.contains { $0.hasPrefix("  \(challenge.name) ") && $0.contains(" \(challenge.difficulty.label) ") }
        }
        #expect(named.count == Challenges.all.count)
        #expect(named.count >= 10)
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(listed.out.contains("0 of \(Challenges.all.count) solved"))
        // No name and no terminal: the same list.
        #expect(try Self.run(["challenge"]).out == listed.out)
    }

    @Test func theListMarksWhatTheSavedProgressSaysIsSolved() throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("challenge-\(UUID())")
        defer { try? FileManager.default.removeItem(at: state) }
        let file = state.appendingPathComponent("interleave/challenges.json")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(#"{"version": 1, "solved": {"overdraw": {"bestChoices": 3}}}"#.utf8).write(to: file)
        let listed = try Self.run(["challenge", "--list"], state: state)
        #expect(listed.out.contains("✓ overdraw "))
        #expect(listed.out.contains("Overdraw the account  ✓ best 3 choices"))
        #expect(listed.out.contains("1 of \(Challenges.all.count) solved"))
    }

    @Test(arguments: ["overdraw", "orphaned-upload"])
    func theSolutionPlaysAShortestWinAndEndsWithItsCount(_ name: String) throws {
        let challenge = try #require(Challenges.named(name))
        let solution = try #require(challenge.solve())
        let played = try Self.run(["challenge", name, "--solution", "--plain"])
        #expect(played.status == 0)
        #expect(played.err.isEmpty)
        let lines = played.out.split(separator: "\n").map(String.init)
        #expect(lines.last == "solved in \(solution.choices) choices")
        #expect(lines.filter { $0.hasPrefix("  choice ") }.count == solution.choices)
        #expect(lines.contains("goal reached: \(solution.failure)"))
        #expect(lines.contains { $0.hasPrefix("\(name) (\(challenge.difficulty.label)): ") })
        #expect(lines.allSatisfy { $0.count <= 80 || $0.hasPrefix("  legend:") })
    }

    @Test func anUnknownNameIsOneLineWithSuggestions() throws {
        let typo = try Self.run(["challenge", "overdrw"])
        #expect(typo.status == 2)
        #expect(typo.err == "interleave: unknown challenge 'overdrw': did you mean overdraw?\n")
        #expect(typo.out.isEmpty)
        let far = try Self.run(["challenge", "zzzzzz", "--solution", "--plain"])
        #expect(far.status == 2)
        #expect(far.err == "interleave: unknown challenge 'zzzzzz': run `interleave challenge --list` to see them\n")
    }

    @Test func withoutATerminalAChallengeShowsItsGoalAndHints() throws {
        let shown = try Self.run(["challenge", "overdraw"])
        #expect(shown.status == 0)
        #expect(shown.out.hasPrefix("overdraw (easy): Overdraw the account\n"))
        #expect(shown.err.split(separator: "\n").count == 1)
        let hints = try Self.run(["challenge", "overdraw", "--hint"])
        #expect(hints.status == 0)
        #expect(hints.out.hasPrefix("hint 1: "))
        #expect(hints.out.contains("hint 2: "))
        #expect(hints.out.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }
}
