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
    /// The given choices, in order, then FIFO: how a schedule found by `explore` is rerun.
    case replay(Schedule)

    public var description: String {
        switch self {
        case .fifo: "fifo"
        case .random(let seed): "random(seed: \(seed))"
        case .replay(let schedule): "replay(\(schedule.text))"
        }
    }

    /// The name stored in a trace header's `schedule` field.
    var headerName: String {
        switch self {
        case .fifo: "fifo"
        case .random: "random"
        case .replay: "replay"
        }
    }
}
