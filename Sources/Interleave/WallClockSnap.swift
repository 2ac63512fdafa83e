/// The delay a program wrote, recovered from the real time left until a wall-clock deadline.
///
/// `Task.sleep(for: .seconds(2))` reaches the executor as a deadline on the real clock,
/// `now + 2 s`, with `now` read a few microseconds before. What is left of it is a little
/// under 2 s and never the same twice, so taken as it is the virtual clock would drift and no
/// two runs would agree. The written delay lies between what is left and what is left plus the
/// real time since `now` was read: at most the real time since the task last resumed (a loop
/// that routes standard concurrency times that: microseconds, or more when the thread was
/// preempted), else taken as a millisecond. Of the durations in that window, the roundest (most
/// trailing decimal zeros) is the one a person writes: a delay written in whole milliseconds
/// comes out exact while the hold-up stays under 10 ms (the widest window), a finer one while
/// it is short.
/// ```swift
/// WallClockSnap.writtenDelay(remaining: 1_999_996_870, window: 4_000)   // 2_000_000_000
/// WallClockSnap.writtenDelay(remaining: 249_990_100, window: 12_000)    // 250_000_000
/// WallClockSnap.writtenDelay(remaining: 1_234_496_000, window: 5_000)   // 1_234_500_000
/// WallClockSnap.writtenDelay(remaining: 1_234_496_000, window: nil)     // 1_235_000_000
/// ```
enum WallClockSnap {
    /// How long before the deadline reached the loop its `now` may have been read, when that
    /// was not timed.
    static let defaultWindow: Int64 = 1_000_000

    /// The widest window used, however long the task was held up: the roundest duration in a
    /// wide window can be far rounder than the one written (a thread stalled 8 s under a
    /// sanitizer turned a 2 s sleep into 10 s). Past it, a delay may come out short by what the
    /// stall exceeded, never seconds long.
    static let maximumWindow: Int64 = 10_000_000

    /// The delay a deadline gives, and another it may as well have been.
    struct Reading: Equatable {
        /// The delay taken (ns).
        let delay: Int64
        /// When the task was held up longer than the widest window, a delay as round as
        /// `delay` that the program may have written instead; nil when `delay` is clear.
        let alternative: Int64?
    }

    /// The written delay when the task ran or was held up for `window` ns since it resumed.
    /// Past the widest window there are two readings: the clock was read just before the
    /// sleep (the hold-up came before: `remaining` is nearly all of it), or at the start of
    /// the run (the hold-up came between the read and the sleep: the delay is a whole window
    /// longer). The one with fewer significant digits is the one a person writes; when they
    /// tie, the first is taken (most of a run lies before its sleep's few microseconds) and the
    /// other is the alternative.
    /// ```swift
    /// // Held up 10.4 ms after reading the clock for a 100 ms sleep:
    /// WallClockSnap.reading(remaining: 89_600_000, window: 10_400_000)   // 90 ms, or 100 ms
    /// ```
    static func reading(remaining: Int64, window: Int64?) -> Reading {
        let late = writtenDelay(remaining: remaining, window: window)
        guard let window, window > maximumWindow else { return Reading(delay: late, alternative: nil) }
        let early = writtenDelay(remaining: remaining &+ window &- maximumWindow, window: maximumWindow)
        let (lateDigits, earlyDigits) = (significantDigits(late), significantDigits(early))
        if early != 0, late == 0 || earlyDigits == lateDigits, early != late {
            return Reading(delay: late, alternative: early)
        }
        return Reading(delay: earlyDigits < lateDigits ? early : late, alternative: nil)
    }

    /// 3 for 125_000_000, 1 for 2_000_000_000, 0 for 0.
    static func significantDigits(_ value: Int64) -> Int {
        var digits = value.magnitude
        while digits != 0, digits % 10 == 0 { digits /= 10 }
        return digits == 0 ? 0 : String(digits).count
    }

    /// The roundest duration in `remaining ... remaining + window` (ns); no wait when the
    /// deadline has passed.
    static func writtenDelay(remaining: Int64, window: Int64? = nil) -> Int64 {
        guard remaining > 0 else { return 0 }
        let upper = remaining &+ min(window ?? defaultWindow, maximumWindow)
        // From the coarsest unit down, the first multiple of it that falls inside the window.
        var unit: Int64 = 1_000_000_000_000
        while unit >= 1 {
            let candidate = (remaining + unit - 1) / unit * unit
            if candidate <= upper { return candidate }
            unit /= 10
        }
        return remaining
    }
}
