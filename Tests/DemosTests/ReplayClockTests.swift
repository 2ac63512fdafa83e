import InterleaveApp
import InterleaveUI
import Testing

/// A replay's header clock runs on between events, as a live run's does during a sleep,
/// instead of leaping from one event's time to the next.
@Suite struct ReplayClockTests {
    /// The header's virtual clock, e.g. "0.500s".
    private func clock(_ replay: HeadlessReplay) throws -> String {
        let header = try #require(replay.render().lines().first)
        let range = try #require(header.range(of: #"\d+\.\d{3}s"#, options: .regularExpression))
        return String(header[range])
    }

    @Test func theClockRunsThroughASleepAndStopsAtTheEnd() throws {
        // gather: both tasks start at 0 s; task2 ends at 1 s, task1 and main at 2 s.
        let run = DemoRun("gather")
        let replay = HeadlessReplay(store: run.store, width: 120, height: 40, speed: 1)
        replay.advance(bySeconds: 0)
        #expect(try clock(replay) == "0.000s")
        replay.advance(bySeconds: 0.5)
        #expect(try clock(replay) == "0.500s", "half-way through the first sleep")
        replay.advance(bySeconds: 0.75)
        #expect(try clock(replay) == "1.250s", "past task2's end, into task1's sleep")
        #expect(replay.world.time == 1_000_000_000, "the world is the one at the last event shown")
        replay.advance(bySeconds: 5)
        #expect(replay.isAtEnd)
        #expect(try clock(replay) == "2.000s", "the clock stops with the last event")
    }
}
