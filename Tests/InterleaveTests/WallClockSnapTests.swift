import Testing
@testable import Interleave

struct WallClockSnapTests {
    @Test(arguments: [
        (1_999_996_870, 2_000_000_000), (249_990_100, 250_000_000), (1_234_499_000, 1_235_000_000),
        (2_000_000_000, 2_000_000_000), (999_999, 1_000_000), (1, 1_000_000), (60_000_000_000 - 300, 60_000_000_000),
    ] as [(Int64, Int64)])
    func remainingTimeSnapsToTheRoundestDelayWithinAMillisecond(remaining: Int64, written: Int64) {
        #expect(WallClockSnap.writtenDelay(remaining: remaining) == written)
    }

    @Test func aTimedWindowKeepsFinerDelaysExact() {
        #expect(WallClockSnap.writtenDelay(remaining: 1_234_496_000, window: 5_000) == 1_234_500_000)
        #expect(WallClockSnap.writtenDelay(remaining: 1_999_996_870, window: 4_000) == 2_000_000_000)
        // Preempted for 3 ms between reading the clock and sleeping: whole milliseconds stay exact.
        #expect(WallClockSnap.writtenDelay(remaining: 247_000_000, window: 3_100_000) == 250_000_000)
        #expect(WallClockSnap.writtenDelay(remaining: 998_000_000, window: 3_000_000) == 1_000_000_000)
    }

    /// A task held up for seconds between reading the clock and sleeping (a loaded machine, a
    /// sanitizer): the window is capped, so a 2 s sleep never becomes a rounder 10 s.
    @Test func aLongHoldUpNeverRoundsUpToARounderDelay() {
        #expect(WallClockSnap.writtenDelay(remaining: 1_995_000_000, window: 8_500_000_000) == 2_000_000_000)
        #expect(WallClockSnap.writtenDelay(remaining: 1_980_000_000, window: 8_500_000_000) == 1_980_000_000)
    }

    @Test func aPassedDeadlineIsNoWait() {
        #expect(WallClockSnap.writtenDelay(remaining: 0) == 0)
        #expect(WallClockSnap.writtenDelay(remaining: -5_000) == 0)
    }
}
