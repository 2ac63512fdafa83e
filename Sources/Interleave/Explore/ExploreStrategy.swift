/// How `explore` picks among ready jobs, schedule after schedule.
public enum ExploreStrategy: Sendable, Equatable, CustomStringConvertible {
    /// A uniform random pick at every choice.
    case random
    /// Probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): random task
    /// priorities, lowered at `depth - 1` random points. It finds a bug that needs `depth`
    /// orderings with probability at least 1/(n·k^(depth−1)) per schedule (n tasks, k choices).
    case pct(depth: Int)
    /// Every schedule with at most `preemptions` choices that differ from FIFO, depth first:
    /// exhaustive for small programs (the search ends when none is left).
    case dfs(preemptions: Int)

    /// What `explore` uses when not told: PCT of depth 3, since most real concurrency bugs
    /// need at most a few orderings.
    public static let `default` = ExploreStrategy.pct(depth: 3)

    public var description: String {
        switch self {
        case .random: "random"
        case .pct(let depth): "pct(depth \(depth))"
        case .dfs(let preemptions): "dfs(≤\(preemptions) preemptions)"
        }
    }
}
