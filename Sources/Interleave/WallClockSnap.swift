/// The delay a program wrote, recovered from the real time left until a wall-clock deadline.
///
/// `Task.sleep(for: .seconds(2))` reaches the executor as a deadline on the real clock,
/// `now + 2 s`, with `now` read a few microseconds before. What is left of it is a little
/// under 2 s and never the same twice, so taken as it is the virtual clock would drift and no
/// two runs would agree. The written delay lies between what is left and what is left plus the
/// real time since `now` was read: microseconds, but not always within the job that sleeps
/// (a task that has no executor preference reaches the loop's timers one runtime hop later),
/// so the window is a millisecond. Of the durations in it, the roundest (most trailing decimal
/// zeros) is the one a person writes: delays written in whole milliseconds come out exact,
/// finer ones are rounded up to at most a millisecond more.
/// ```swift
/// WallClockSnap.writtenDelay(remaining: 1_999_996_870)   // 2_000_000_000
/// WallClockSnap.writtenDelay(remaining: 249_990_100)     // 250_000_000
/// WallClockSnap.writtenDelay(remaining: 1_234_499_000)   // 1_235_000_000
/// ```
enum WallClockSnap {
    /// How long before the deadline reached the loop its `now` may have been read.
    static let window: Int64 = 1_000_000

    /// The roundest duration in `remaining ... remaining + window` (ns); no wait when the
    /// deadline has passed.
    static func writtenDelay(remaining: Int64) -> Int64 {
        guard remaining > 0 else { return 0 }
        let upper = remaining &+ window
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
