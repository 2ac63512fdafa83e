/// What `explore` searches with, and for how long.
public struct ExploreOptions: Sendable {
    public var strategy: ExploreStrategy
    /// The most schedules to run (the FIFO run counts as the first).
    public var schedules: Int
    /// Wall time to stop searching after, if sooner.
    public var timeLimit: Duration?
    /// Seeds the random and PCT strategies: the same seed searches the same schedules.
    public var seed: UInt64
    /// Whether a lint fails a schedule, as a broken check does.
    public var lintsFail: Bool
    /// The most runs the shrinker may spend.
    public var shrinkBudget: Int
    /// Whether each schedule's loop takes in unmodified Swift concurrency (`Task {}`,
    /// `Task.detached`, `@MainActor`, `Task.sleep`): `Loop(routesStandardJobs: true)`. The
    /// search and the replay must then run inside one `StandardConcurrency.withRouting`
    /// (`Explorer.routing` makes it).
    public var routesStandardJobs: Bool

    public init(
        strategy: ExploreStrategy = .default, schedules: Int = 10_000, timeLimit: Duration? = nil,
        seed: UInt64 = 0, lintsFail: Bool = false, shrinkBudget: Int = 2_000, routesStandardJobs: Bool = false
    ) {
        self.routesStandardJobs = routesStandardJobs
        self.strategy = strategy
        self.schedules = schedules
        self.timeLimit = timeLimit
        self.seed = seed
        self.lintsFail = lintsFail
        self.shrinkBudget = shrinkBudget
    }
}

/// What a search found.
public struct ExploreReport: Sendable {
    /// The failure found, or nil when every schedule run passed.
    public var failure: RunFailure?
    /// The failing schedule as shrunk; nil when nothing failed.
    public var schedule: Schedule?
    /// The failing schedule as the search first met it.
    public var foundSchedule: Schedule?
    /// Which schedule failed (1 = the FIFO run).
    public var foundAt: Int?
    /// Schedules run by the search (not counting the shrinker's).
    public var schedulesRun: Int
    /// Wall time of the search alone.
    public var searchTime: Duration
    /// Jobs the shrunk schedule runs before its failure shows.
    public var steps: Int
    /// True when a DFS ran every schedule within its bound.
    public var exhausted: Bool
    /// Runs the shrinker spent.
    public var shrinkRuns: Int
    /// Where the shrunk failure's trace was saved, if it was.
    public var tracePath: String?

    /// Schedules searched per second of wall time.
    public var schedulesPerSecond: Double {
        searchSeconds > 0 ? Double(schedulesRun) / searchSeconds : 0
    }

    /// `searchTime` in seconds.
    var searchSeconds: Double { Double(searchTime.nanoseconds) / 1e9 }
}
