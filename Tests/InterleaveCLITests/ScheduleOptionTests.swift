import Demos
import Foundation
import Interleave
import Testing

/// `--schedule replay:FILE`: the schedule `explore` saved, rerun as a demo's run.
@Suite(.serialized, .enabled(if: CLIBinary.isBuilt, "needs the interleave executable")) struct ScheduleOptionTests {
    @Test func aSavedScheduleRerunsTheFailureAndOtherFilesAreRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schedule-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let saved = directory.appendingPathComponent("bank.itrace").path
        let explored = try CLIBinary.run(["explore", "bank", "-o", saved])
        #expect(explored.status == 1, "a failure was found: \(explored.out)")
        #expect(explored.out.hasPrefix("explore bank: overdraft: balance -60 after "))

        let rerun = try CLIBinary.run(["demo", "bank", "--plain", "--schedule", "replay:\(saved)"])
        #expect(rerun.status == 0)
        #expect(rerun.out.contains("CHECK FAILED in bob: overdraft: balance -60"))
        let plain = try CLIBinary.run(["demo", "bank", "--plain"])
        #expect(!plain.out.contains("CHECK FAILED"), "the FIFO run passes")

        let otherDemo = try CLIBinary.run(["demo", "lock-order", "--plain", "--schedule", "replay:\(saved)"])
        #expect(otherDemo.status == 2)
        #expect(otherDemo.err == "interleave: \(saved) is a run of bank, not lock-order\n")

        let recorded = directory.appendingPathComponent("gather.itrace").path
        #expect(try CLIBinary.run(["record", "gather", "-o", recorded]).status == 0)
        let noSchedule = try CLIBinary.run(["demo", "gather", "--plain", "--schedule", "replay:\(recorded)"])
        #expect(noSchedule.status == 2)
        #expect(noSchedule.err.contains("holds no saved schedule"))
        #expect(noSchedule.err.split(separator: "\n").count == 1)
    }

    /// A run scheduled by hand carries its choices in its trace: rerun from the recording, it
    /// makes them again.
    @Test func aManualRecordingRerunsTheChoicesMadeByHand() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("manual-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let loop = Loop(policy: .manual(.fifo))
        try #require(Catalogue.named("lock")).start(on: loop, options: DemoOptions())
        loop.runUntilIdle()
        // coroutine2 first, where FIFO would run coroutine1; FIFO at every later choice.
        loop.choose(1)
        while true {
            loop.runUntilIdle()
            guard loop.awaitingChoice else { break }
            loop.choose(0)
        }
        loop.close()
        let path = directory.appendingPathComponent("lock-by-hand.itrace").path
        try Explorer.save(loop.store, to: path)

        let rerun = try CLIBinary.run(["demo", "lock", "--plain", "--schedule", "replay:\(path)"])
        #expect(rerun.status == 0, "\(rerun.err)")
        #expect(rerun.out.contains("the schedule runs coroutine2 ahead of coroutine1"))
        let manualPlain = try CLIBinary.run(["demo", "lock", "--plain", "--schedule", "manual"])
        #expect(manualPlain.status == 2)
    }

    @Test func theSameSeedGivesTheSameFindingAndTheSameFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("seed-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var lines: [String] = []
        var files: [Data] = []
        for run in 0..<2 {
            let path = directory.appendingPathComponent("run\(run).itrace").path
            let result = try CLIBinary.run(["explore", "philosophers-random", "--strategy", "random", "--seed", "9", "-o", path])
            #expect(result.status == 1)
            // Everything but the wall-clock figures and the file's name.
            lines.append(result.out
                .replacingOccurrences(of: #"\([0-9.]+ s, [0-9,]+ schedules/s\)"#, with: "(…)", options: .regularExpression)
                .replacingOccurrences(of: path, with: "FILE"))
            files.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(lines[0] == lines[1])
        #expect(files[0] == files[1])
    }

    @Test func exploreRefusesBadInputInOneLine() throws {
        for arguments in [["explore", "nosuch"], ["explore", "bank", "--depth", "0"], ["explore", "bank", "--schedules", "0"],
                          ["explore", "bank", "--strategy", "bfs"], ["explore", "bank", "--time", "-1"]] {
            let result = try CLIBinary.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.err.hasPrefix("interleave: "), "\(arguments): \(result.err)")
            #expect(result.err.split(separator: "\n").count == 1, "\(arguments): \(result.err)")
        }
    }

    @Test func exploreWithoutAFailureExitsZeroAndSaysHowMuchItSearched() throws {
        let result = try CLIBinary.run(["explore", "gather", "--strategy", "dfs", "--depth", "1"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("explore gather: no failure in every schedule within 1 preemption ("))
    }
}
