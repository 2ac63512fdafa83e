import Foundation
import InterleaveTrace

/// Searches a program's schedules for one that fails, shrinks it, and replays it traced.
///
/// Each schedule is a fresh loop with tracing off running the whole program; the first is the
/// FIFO run. The failing schedule is shrunk (`ScheduleShrinker`), then run once more with
/// tracing on, so it can be saved and stepped through.
/// ```swift
/// let explorer = Explorer(options: ExploreOptions(schedules: 1000)) { loop in
///     loop.spawn("main") { try await transferTwice() }
/// }
/// let report = explorer.search()
/// ```
public struct Explorer: Sendable {
    /// Starts the program on the loop it is given: spawns its main task, nothing more.
    public typealias Program = @Sendable (Loop) -> Void

    public let options: ExploreOptions
    let program: Program

    public init(options: ExploreOptions = ExploreOptions(), program: @escaping Program) {
        self.options = options
        self.program = program
    }

    /// Runs the search, then shrinks what it found.
    ///
    /// With a `prefix` (the choices a run has made so far) every schedule starts with it, and
    /// the shrinker leaves it alone: the search looks for a failing continuation of that run.
    public func search(continuing prefix: Schedule = .fifo) -> ExploreReport {
        let clock = ContinuousClock()
        let started = clock.now
        var seeds = SeededGenerator(seed: options.seed)
        // One store for every untraced run: a new one per schedule cost more than the run.
        let scratch = TraceStore()
        let frozen = prefix.choices.count
        // The first schedule is FIFO after the prefix, run through the DFS picker so its choices
        // are counted (PCT spreads its change points over them) and it is the DFS's root.
        var dfs = BoundedDFSPicker(prefix: prefix.choices)
        var outcome = run(picker: dfs, scratch: scratch)
        let choicesAfterPrefix = max(0, dfs.trail.count - frozen)
        var schedulesRun = 1
        var exhausted = false
        while outcome.failure == nil, !exhausted, schedulesRun < options.schedules {
            if let limit = options.timeLimit, clock.now - started >= limit { break }
            let picker: any SchedulePicker
            switch options.strategy {
            case .random, .pct:
                picker = PrefixedPicker(
                    prefix: prefix.choices, then: seededPicker(seed: seeds.next(), expectedChoices: choicesAfterPrefix))
            case .dfs(let bound):
                guard let next = dfs.nextPrefix(bound: bound, frozen: frozen) else {
                    exhausted = true
                    continue
                }
                dfs = BoundedDFSPicker(prefix: next)
                picker = dfs
            }
            outcome = run(picker: picker, scratch: scratch)
            schedulesRun += 1
        }
        let searchTime = clock.now - started
        var report = ExploreReport(
            failure: nil, schedule: nil, foundSchedule: nil, foundAt: nil, schedulesRun: schedulesRun,
            searchTime: searchTime, steps: 0, exhausted: exhausted, shrinkRuns: 0, tracePath: nil)
        guard outcome.failure != nil else { return report }
        var shrinker = ScheduleShrinker(budget: options.shrinkBudget, frozen: frozen) { schedule in
            self.run(.replay(schedule), scratch: scratch)
        }
        let shrunk = shrinker.shrink(outcome)
        report.failure = shrunk.failure
        report.schedule = shrunk.schedule
        report.foundSchedule = outcome.schedule
        report.foundAt = schedulesRun
        report.steps = shrunk.steps
        report.shrinkRuns = shrinker.runsUsed
        return report
    }

    /// Runs `count` schedules of the strategy without stopping at failures or shrinking, and
    /// says how many failed: the search's raw throughput, for benchmarks.
    public func survey(schedules count: Int) -> (failing: Int, time: Duration) {
        let clock = ContinuousClock()
        let started = clock.now
        var seeds = SeededGenerator(seed: options.seed)
        let scratch = TraceStore()
        var failing = 0
        let fifo = BoundedDFSPicker(prefix: [])
        _ = run(picker: fifo, scratch: scratch)
        for _ in 0..<count {
            let picker = seededPicker(seed: seeds.next(), expectedChoices: fifo.trail.count)
            if run(picker: picker, scratch: scratch).failure != nil { failing += 1 }
        }
        return (failing, clock.now - started)
    }

    /// One schedule's picker for the seeded strategies: PCT's, else uniform (DFS, which picks
    /// no seed, samples uniformly when surveyed).
    private func seededPicker(seed: UInt64, expectedChoices: Int) -> any SchedulePicker {
        if case .pct(let depth) = options.strategy {
            return PCTPicker(seed: seed, depth: depth, expectedChoices: expectedChoices)
        }
        return RandomPicker(seed: seed)
    }

    /// Runs the program once, tracing off, with `policy` choosing; `scratch` is emptied first.
    func run(_ policy: SchedulePolicy, scratch: TraceStore = TraceStore()) -> ScheduleShrinker.Outcome {
        scratch.removeAll()
        let loop = Loop(policy: policy, store: scratch, tracing: false, routesStandardJobs: options.routesStandardJobs)
        return finish(loop)
    }

    /// Runs the program once, tracing off, with `picker` choosing; `scratch` is emptied first.
    func run(picker: any SchedulePicker, scratch: TraceStore = TraceStore()) -> ScheduleShrinker.Outcome {
        scratch.removeAll()
        let loop = Loop(policy: .fifo, store: scratch, tracing: false, routesStandardJobs: options.routesStandardJobs)
        loop.ready.choose(with: picker)
        return finish(loop)
    }

    private func finish(_ loop: Loop) -> ScheduleShrinker.Outcome {
        loop.lintsFail = options.lintsFail
        program(loop)
        loop.runUntilIdle(ioPatience: .seconds(5))
        let outcome = ScheduleShrinker.Outcome(failure: loop.failure, schedule: loop.scheduleMade, steps: loop.failureStep)
        loop.close()
        return outcome
    }

    /// Runs `schedule` once more with tracing on, into `store`: the run to save and step through.
    /// Returns the failure it met (the same as the search's, for a deterministic program).
    @discardableResult
    public func replay(_ schedule: Schedule, into store: TraceStore) -> RunFailure? {
        let loop = Loop(policy: .replay(schedule), store: store, routesStandardJobs: options.routesStandardJobs)
        loop.lintsFail = options.lintsFail
        program(loop)
        loop.runUntilIdle(ioPatience: .seconds(5))
        let failure = loop.failure
        loop.close()
        return failure
    }

    /// Runs `body` (a search, a replay, or both) inside one shared routing of standard
    /// concurrency when the options route standard jobs, else just runs it: each schedule's loop
    /// takes its own share anyway, but one around the whole search spares installing the
    /// runtime's hooks anew for every schedule.
    /// ```swift
    /// let explorer = Explorer(options: ExploreOptions(routesStandardJobs: true)) { loop in
    ///     loop.spawn("main") { try await codeUsingTaskAndActors() }
    /// }
    /// let report = explorer.routing { explorer.search() }
    /// ```
    public func routing<R>(_ body: () throws -> R) rethrows -> R {
        guard options.routesStandardJobs else { return try body() }
        return try StandardConcurrency.withSharedRouting(body)
    }

    /// Writes `store` as a trace file at `path`, all at once (a temporary file renamed into
    /// place), so a failed write never leaves half a file.
    public static func save(_ store: TraceStore, to path: String) throws {
        let encoder = TraceEncoder(store: store)
        let bytes = encoder.fileStart() + encoder.encodeNew()
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw TraceFileError.unreadable("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
