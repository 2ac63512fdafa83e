import Foundation
import Testing
@testable import InterleaveBench

/// `interleave bench` as a library: lines in the peers' format, filtered by name, each figure
/// measured at a tiny scale so the test checks that it works, not how fast.
@Suite struct BenchmarksTests {
    static func lines(only: String, tracingModes: [Bool] = [true, false]) throws -> [String] {
        let heard = Heard()
        try Benchmarks(scale: 0.001, only: only, tracingModes: tracingModes, output: heard.append).run()
        return heard.lines
    }

    @Test func aLineHasThePeersFiveFields() {
        #expect(BenchLine.rate("interleave", "pingpong", 200_000, 0.5) == "interleave pingpong 200000 0.5000 400000")
        #expect(BenchLine.rate("interleave", "x", 10, 0) == "interleave x 10 0.0000 0", "no division by zero")
    }

    @Test func theMedianIsTheMiddleSample() {
        #expect(BenchLine.median([3, 1, 2]) == 2)
        #expect(BenchLine.median([4, 1, 3, 2]) == 3)
        #expect(BenchLine.median([]) == 0)
    }

    @Test func runtimesAreTimedInRoundsAndEachKeepsItsFastest() throws {
        var order: [String] = []
        var traced = [0.5, 0.3, 0.4, 0.9, 0.6][...]
        var floor = [0.2, 0.25, 0.1, 0.3, 0.2][...]
        let fastest = try BenchLine.fastestInRounds([
            { order.append("traced"); return traced.popFirst()! },
            { order.append("floor"); return floor.popFirst()! },
        ])
        #expect(fastest == [0.3, 0.1])
        #expect(order == Array(repeating: ["traced", "floor"], count: BenchLine.workloadRuns).flatMap { $0 },
                "one of each a round, not five of one and then five of the other")
    }

    @Test func eachPeerWorkloadRunsTracedAndUntraced() throws {
        let lines = try Self.lines(only: "pingpong")
        #expect(lines.count == 3, "\(lines)")
        #expect(lines[0].hasPrefix("interleave pingpong 200 "))
        #expect(lines[1].hasPrefix("interleave pingpong events "))
        #expect(lines[2].hasPrefix("interleave-notrace pingpong 200 "))
        for workload in PeerWorkloads.all(scale: 0.001) {
            let traced = try Self.lines(only: workload.name, tracingModes: [true])
            #expect(traced.first?.split(separator: " ").count == 5, "\(workload.name): \(traced)")
        }
    }

    @Test func spawnAndEventHaveSwiftsOwnFloorBesideThem() throws {
        for (name, ops) in [("spawn_gather", 100), ("event", 50)] {
            let lines = try Self.lines(only: name, tracingModes: [true])
            let floor = try #require(lines.last, "\(name): \(lines)")
            #expect(floor.hasPrefix("swift-raw \(name) \(ops) "), "\(lines)")
            let perSecond = Double(floor.split(separator: " ")[4]) ?? 0
            #expect(perSecond > 0, "\(floor)")
        }
        #expect(try Self.lines(only: "pingpong").allSatisfy { !$0.hasPrefix("swift-raw") })
    }

    @Test func thePythonPingPongRunsUnderCPythonAndInterleave() throws {
        let lines = try Self.lines(only: "python")
        guard !(lines.first ?? "").contains("skipped") else { return }
        #expect(lines.count == 3, "\(lines)")
        #expect(lines[0].hasPrefix("cpython-asyncio python-pingpong 4000 "), "\(lines)")
        #expect(lines[1].hasPrefix("interleave python-pingpong 4000 "), "\(lines)")
        #expect(lines[2].contains("cpython"), "\(lines)")
    }

    @Test func theTraceFiguresAreMeasured() throws {
        let lines = try Self.lines(only: "trace-")
        #expect(lines.map { $0.split(separator: " ")[1] } == ["trace-write", "trace-bytes-per-event", "trace-read"], "\(lines)")
        let memory = try Self.lines(only: "memory")
        #expect(memory.count == 1 && memory[0].hasPrefix("interleave memory-bytes-per-event "))
    }

    @Test func exploreThroughputIsMeasuredOnTheBankWithBothStrategies() throws {
        let lines = try Self.lines(only: "explore")
        #expect(lines.map { $0.split(separator: " ")[1] }
            == ["explore_bank", "explore_bank", "explore_bank_pct", "explore_bank_pct"], "\(lines)")
        #expect(lines[0].hasPrefix("interleave explore_bank 200 "))
        // Some of 200 random schedules of the bank overdraw: the survey runs the real demo.
        let failing = Int(lines[1].split(separator: " ").last!)!
        #expect(failing > 0 && failing < 200, "\(lines[1])")
    }

    @Test func seekingIsMeasured() throws {
        let lines = try Self.lines(only: "seek")
        #expect(lines.count == 1 && lines[0].hasPrefix("interleave seek-ms-median "), "\(lines)")
    }

    @Test func aNameMatchingNothingRunsNothing() throws {
        #expect(try Self.lines(only: "no-such-benchmark") == [])
    }

    @Test func aStartupProbeThatCannotStartIsAnError() {
        let heard = Heard()
        let missing = URL(fileURLWithPath: "/nonexistent/interleave")
        #expect(throws: BenchError.self) {
            try Benchmarks(scale: 0.001, only: "startup", executable: missing, output: heard.append).run()
        }
    }

    @Test func theStartupProbeDrawsTheFirstFrameOfHello() throws {
        let frame = try StartupProbe.firstFrame()
        #expect(frame.width == 120 && frame.height == 40)
    }
}

/// Lines heard from a callback, in order.
final class Heard: @unchecked Sendable {
    private(set) var lines: [String] = []
    func append(_ line: String) { lines.append(line) }
}
