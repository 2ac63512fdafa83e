/// The one range of playback speeds (how fast virtual time follows wall time): powers of two
/// from 1/16× to 64×. The CLI's `--speed` checks, the playlist parser, the live runner's clamp,
/// the TUI's speed keys and every help text read it here, so they cannot drift apart.
///
/// ```swift
/// PlaybackSpeed.range.contains(0.5)   // true
/// PlaybackSpeed.clamped(1000)         // 64
/// PlaybackSpeed.rangeText             // "1/16 to 64"
/// ```
public enum PlaybackSpeed {
    /// The speeds the TUI steps through, as powers of two.
    public static let exponents = -4...6
    /// The slowest and fastest speeds anything may ask for.
    public static let range = power(exponents.lowerBound)...power(exponents.upperBound)
    /// The bounds as help texts and error messages write them: "1/16" and "64".
    public static let slowestText = fraction(range.lowerBound), fastestText = fraction(range.upperBound)
    /// The range as help texts write it.
    public static let rangeText = "\(slowestText) to \(fastestText)"

    /// `speed` moved into `range`; a NaN becomes 1×.
    public static func clamped(_ speed: Double) -> Double {
        guard !speed.isNaN else { return 1 }
        return min(range.upperBound, max(range.lowerBound, speed))
    }

    static func power(_ exponent: Int) -> Double {
        Double(sign: .plus, exponent: exponent, significand: 1)
    }

    /// "1/16" for 0.0625, "64" for 64: the way a person writes a power of two.
    static func fraction(_ value: Double) -> String {
        value >= 1 ? String(Int(value)) : "1/" + String(Int(1 / value))
    }
}
