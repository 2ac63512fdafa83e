/// How the loop picks the next job among those ready.
///
/// ```swift
/// let loop = Loop(policy: .random(seed: 42))   // explore another interleaving, reproducibly
/// ```
public enum SchedulePolicy: Sendable, Equatable, CustomStringConvertible {
    /// First ready, first run: the order asyncio uses.
    case fifo
    /// A seeded pseudo-random pick among the ready jobs: same seed, same interleaving.
    case random(seed: UInt64)

    public var description: String {
        switch self {
        case .fifo: "fifo"
        case .random(let seed): "random(seed: \(seed))"
        }
    }
}

/// SplitMix64: a tiny, fast, well-distributed generator whose whole state is one word.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
