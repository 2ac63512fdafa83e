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

