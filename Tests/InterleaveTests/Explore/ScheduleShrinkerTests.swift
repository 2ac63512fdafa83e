@testable import Interleave
import Testing

@Suite struct ScheduleShrinkerTests {
    private let explorer = Explorer { loop in loop.spawn("main") { try await ExplorePrograms.bank() } }

    @Test func shrinkingNeverGrowsAScheduleAndTheResultStillFails() throws {
        var checked = 0
        for seed in 0..<40 as Range<UInt64> {
            let found = explorer.run(picker: RandomPicker(seed: seed))
            guard let failure = found.failure else { continue }
            checked += 1
            var shrinker = ScheduleShrinker { self.explorer.run(.replay($0)) }
            let shrunk = shrinker.shrink(found)
            #expect(shrunk.schedule.preemptions <= found.schedule.preemptions)
            #expect(shrunk.schedule.choices.count <= found.schedule.choices.count)
            #expect(!ScheduleShrinker.isSmaller(found, than: shrunk))
            let again = explorer.run(.replay(shrunk.schedule))
            #expect(again.failure?.signature == failure.signature)
        }
        #expect(checked > 5, "enough random schedules fail to make this meaningful")
    }

    @Test func aPassingOutcomeIsLeftAlone() {
        let passing = explorer.run(.fifo)
        var shrinker = ScheduleShrinker { _ in Issue.record("nothing to shrink"); return passing }
        #expect(shrinker.shrink(passing).schedule == passing.schedule)
        #expect(shrinker.runsUsed == 0)
    }

    @Test func theBudgetBoundsTheRuns() {
        let found = explorer.run(.replay(Schedule([0, 1, 1, 1, 1, 1, 1])))
        var shrinker = ScheduleShrinker(budget: 3) { self.explorer.run(.replay($0)) }
        _ = shrinker.shrink(found)
        #expect(shrinker.runsUsed <= 3)
    }
}
