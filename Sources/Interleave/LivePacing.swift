/// How a live loop's virtual time follows wall time: whether it does at all, and how fast.
///
/// A headless loop is not live: virtual time jumps from deadline to deadline and a blocking
/// call blocks nothing real. A live loop (see `LiveRunner`) runs at `speed` × wall time.
/// ```swift
/// let pacing = LivePacing(speed: 2, isLive: true)
/// pacing.wallSeconds(forVirtual: 1_000_000_000)   // 0.5
/// ```
struct LivePacing {
    /// Virtual seconds per wall second.
    var speed: Double = 1
    var isLive = false

    /// The slowest pace a blocking call is scaled by, so a near-zero speed cannot freeze the
    /// loop thread for hours.
    static let slowestBlockingSpeed = 1.0 / 64

    /// Wall seconds that `nanoseconds` of virtual time take at this speed.
    func wallSeconds(forVirtual nanoseconds: Int64) -> Double {
        Double(nanoseconds) / 1e9 / speed
    }

    /// Virtual nanoseconds that `seconds` of wall time make at this speed.
    func virtualNanoseconds(forWall seconds: Double) -> Int64 {
        Int64(seconds * speed * 1e9)
    }

    /// Wall seconds a blocking call of `nanoseconds` really blocks the loop thread: none
    /// headless, else its virtual length at this speed (at least `slowestBlockingSpeed`).
    func blockingWallSeconds(forVirtual nanoseconds: Int64) -> Double? {
        guard isLive else { return nil }
        return Double(nanoseconds) / 1e9 / max(speed, Self.slowestBlockingSpeed)
    }
}
