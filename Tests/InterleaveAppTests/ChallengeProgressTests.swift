import Foundation
import InterleaveApp
import Testing

/// Challenge progress: kept per the XDG spec, best score kept, never an obstacle to playing.
@Suite struct ChallengeProgressTests {
    static func temporaryState() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID())")
    }

    @Test func theFileFollowsTheXDGStateHomeAndIgnoresARelativeOne() {
        #expect(ChallengeProgress.path(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/interleave/challenges.json")
        #expect(ChallengeProgress.path(environment: ["XDG_STATE_HOME": "", "HOME": "/h"]) == "/h/.local/state/interleave/challenges.json")
        #expect(ChallengeProgress.path(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"]) == "/h/.local/state/interleave/challenges.json")
        #expect(ChallengeProgress.path(environment: [:]) == nil)
    }

    @Test func progressRoundTripsKeepingTheBestScore() throws {
        let state = Self.temporaryState()
        defer { try? FileManager.default.removeItem(at: state) }
        let environment = ["XDG_STATE_HOME": state.path]
        var progress = ChallengeProgress.load(environment: environment)
        #expect(progress.best.isEmpty)
        let first = progress.recordSolved(name: "overdraw", choices: 5)
        let better = progress.recordSolved(name: "overdraw", choices: 3)
        let worse = progress.recordSolved(name: "overdraw", choices: 4)
        #expect(first && better)
        #expect(!worse, "a worse score is not kept")
        progress.recordSolved(name: "fetch-twice", choices: 2)
        try progress.save()
        let loaded = ChallengeProgress.load(environment: environment)
        #expect(loaded == progress)
        #expect(loaded.best(for: "overdraw") == 3)
        #expect(loaded.isSolved("fetch-twice"))
        #expect(!loaded.isSolved("lost-increment"))
    }

    @Test func aMissingOrCorruptFileMeansNothingSolved() throws {
        let state = Self.temporaryState()
        defer { try? FileManager.default.removeItem(at: state) }
        let environment = ["XDG_STATE_HOME": state.path]
        #expect(ChallengeProgress.load(environment: environment).best.isEmpty)
        let file = state.appendingPathComponent("interleave/challenges.json")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        for corrupt in ["{not json", #"{"version": 1, "solved": {"overdraw": {"bestChoices": "many"}}}"#, ""] {
            try Data(corrupt.utf8).write(to: file)
            #expect(ChallengeProgress.load(environment: environment).best.isEmpty)
        }
        // And it can be written over.
        var progress = ChallengeProgress.load(environment: environment)
        progress.recordSolved(name: "overdraw", choices: 2)
        try progress.save()
        #expect(ChallengeProgress.load(environment: environment).best(for: "overdraw") == 2)
    }

    @Test func aFailedSaveIsOneLineAndChangesNothing() throws {
        let state = Self.temporaryState()
        defer { try? FileManager.default.removeItem(at: state) }
        // A file where the directory should be.
        try Data("x".utf8).write(to: state)
        var progress = ChallengeProgress.load(environment: ["XDG_STATE_HOME": state.path])
        progress.recordSolved(name: "overdraw", choices: 2)
        let error = try #require(throws: ChallengeProgressError.self) { try progress.save() }
        #expect(error.description.hasPrefix("progress not saved: cannot write "))
        #expect(!error.description.contains("\n"))
        #expect(throws: ChallengeProgressError.self) { try ChallengeProgress(path: nil).save() }
    }
}
