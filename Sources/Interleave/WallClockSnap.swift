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
