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
    /// The given choices, in order, then the driver's: at each further choice the loop stops
    /// (`Loop.awaitingChoice`) until `Loop.choose(_:)` says which ready job runs. How a class
    /// schedules a run by hand; every choice offered is recorded (`.choiceOffered`).
    case manual(Schedule)

    public var description: String {
        switch self {
        case .fifo: "fifo"
        case .random(let seed): "random(seed: \(seed))"
        case .replay(let schedule): "replay(\(schedule.text))"
        case .manual(let schedule): "manual(\(schedule.text))"
        }
    }

    /// The name stored in a trace header's `schedule` field.
    var headerName: String {
        switch self {
        case .fifo: "fifo"
        case .random: "random"
        case .replay: "replay"
        case .manual: "manual"
        }
    }
}
