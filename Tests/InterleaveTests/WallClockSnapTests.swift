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

    /// Past the widest window the clock may have been read before or after the hold-up: as
    /// round either way, the first reading is taken and the other given; a rounder one wins.
    @Test func aHoldUpPastTheWidestWindowHasTwoReadings() {
        // Read, then held up 10.4 ms: 90 ms or 100 ms, both one significant digit.
        #expect(WallClockSnap.reading(remaining: 89_600_000, window: 10_400_000)
            == .init(delay: 90_000_000, alternative: 100_000_000))
        // Held up 10.5 ms after reading for a 1 s sleep: 1 s is rounder than 990 ms.
        #expect(WallClockSnap.reading(remaining: 989_500_000, window: 10_500_000)
            == .init(delay: 1_000_000_000, alternative: nil))
        // Held up 8.5 s before reading for a 2 s sleep: 10.49 s is no rival to 2 s.
        #expect(WallClockSnap.reading(remaining: 1_995_000_000, window: 8_500_000_000)
            == .init(delay: 2_000_000_000, alternative: nil))
        // The deadline passed during the hold-up: no wait, or the whole window.
        #expect(WallClockSnap.reading(remaining: -3_000_000, window: 21_000_000)
            == .init(delay: 0, alternative: 10_000_000))
        // Within the widest window there is one reading.
        #expect(WallClockSnap.reading(remaining: 247_000_000, window: 3_100_000)
            == .init(delay: 250_000_000, alternative: nil))
    }

    @Test func significantDigitsIgnoreTrailingZeros() {
        #expect(WallClockSnap.significantDigits(125_000_000) == 3)
        #expect(WallClockSnap.significantDigits(2_000_000_000) == 1)
        #expect(WallClockSnap.significantDigits(0) == 0)
    }

    @Test func aPassedDeadlineIsNoWait() {
        #expect(WallClockSnap.writtenDelay(remaining: 0) == 0)
        #expect(WallClockSnap.writtenDelay(remaining: -5_000) == 0)
    }
}
