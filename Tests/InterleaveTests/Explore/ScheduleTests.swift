import Foundation
@testable import Interleave
import InterleaveTrace
import Testing

@Suite struct ScheduleTests {
    @Test func preemptionsAreTheChoicesThatDifferFromFIFO() {
        let schedule = Schedule([0, 2, 0, 1])
        #expect(schedule.text == "0.2.0.1")
        #expect(SchedulePolicy.replay(schedule).description == "replay(0.2.0.1)")
        #expect(schedule.preemptions == 2)
        #expect(schedule.firstPreemption == 1)
        #expect(Schedule([1, 0, 0]).trimmed == Schedule([1]))
    }

    @Test func replayingTheChoicesOfARandomRunRepeatsItExactly() throws {
        let log = ExplorePrograms.Log()
        let random = Loop(policy: .random(seed: 99))
        try random.run("main", ExplorePrograms.twoWriters(steps: 4, log: log))
        let made = random.scheduleMade
        #expect(made.preemptions > 0)
        let replayed = Loop(policy: .replay(made))
        try replayed.run("main", ExplorePrograms.twoWriters(steps: 4, log: log))
        #expect(replayed.scheduleMade == made)
        #expect(DeterminismTests.Recording(replayed.store) == DeterminismTests.Recording(random.store))
    }

    @Test func aTraceHeaderKeepsItsScheduleThroughAFile() throws {
        let loop = Loop(policy: .replay(Schedule([0, 1, 1])))
        try loop.run("main", ExplorePrograms.twoWriters(steps: 2, log: ExplorePrograms.Log()))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("schedule-\(UUID()).itrace").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Explorer.save(loop.store, to: path)
        let loaded = try TraceDecoder.decodeFile(atPath: path)
        #expect(loaded.store.header.schedule == "replay")
        #expect(loaded.store.header.choices == [0, 1, 1])
    }
}
