import Interleave
import Testing

/// How an `.interleaved` test runs: once on a schedule (FIFO by default), or under explore.
public struct InterleaveMode: Sendable {
    enum Kind: Sendable {
        case run(SchedulePolicy)
        case explore(ExploreOptions, tracePath: String?)
    }

    let kind: Kind

    /// Once, in FIFO order (the order asyncio would run it).
    public static let fifo = InterleaveMode(kind: .run(.fifo))

    /// Once, on `policy`'s schedule (`.random(seed:)`, `.replay(schedule)`).
    public static func schedule(_ policy: SchedulePolicy) -> Self { Self(kind: .run(policy)) }

    /// Up to `schedules` times, each time choosing differently among ready jobs (see
    /// `exploreInterleaved`); a failing schedule is shrunk and its trace saved at `tracePath`
    /// (by default a new file in the temporary directory).
    public static func explore(
        schedules: Int = 1_000, strategy: ExploreStrategy = .default, seed: UInt64 = 0,
        timeLimit: Duration? = nil, tracePath: String? = nil
    ) -> Self {
        Self(kind: .explore(
            ExploreOptions(strategy: strategy, schedules: schedules, timeLimit: timeLimit, seed: seed,
                           routesStandardJobs: true),
            tracePath: tracePath))
    }
}

/// Runs a test function on an Interleave loop that takes in unmodified Swift concurrency, in
/// virtual time: `.interleaved()` once in FIFO order, `.interleaved(.explore(schedules: N))`
/// under explore's schedules. Written `@Test(.interleaved(...))`, or on a suite for all its tests.
///
/// Under explore, a failing schedule (an error thrown, a failed `#expect`, `check` or
/// invariant, a deadlock) is recorded as one issue naming the failure and the saved trace, with
/// the command to step through it: `interleave replay PATH`. With `knownIssue`, that issue is
/// expected (`withKnownIssue`): the test passes while the bug is there, and fails once nothing
/// finds it any more.
///
/// Runs of standard concurrency are one per process at a time: `.interleaved` tests wait for
/// each other (first come, first served), while other tests run in parallel as usual.
public struct InterleavedTrait: TestTrait, SuiteTrait, TestScoping {
    public let mode: InterleaveMode
    public let knownIssue: Comment?
    let sourceLocation: Testing.SourceLocation

    public var isRecursive: Bool { true }

    public func scopeProvider(for test: Test, testCase: Test.Case?) -> Self? {
        testCase == nil ? nil : self
    }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        guard let knownIssue else { return try await run(test, function) }
        await withKnownIssue(knownIssue, sourceLocation: sourceLocation) {
            try await run(test, function)
        }
    }

    private func run(_ test: Test, _ function: @Sendable () async throws -> Void) async throws {
        try await withoutActuallyEscaping(function) { escapable in
            // The test function escapes into the loop's tasks only for the run: the box lets
            // go of it when the run is over, whatever task the loop may have leaked.
            let box = FunctionBox(escapable)
            defer { box.clear() }
            switch mode.kind {
            case .run(let policy):
                try await withInterleave(policy, sourceLocation: sourceLocation) { try await box.call() }
            case .explore(let options, let tracePath):
                let report = try await exploreInterleaved(
                    schedules: options.schedules, strategy: options.strategy, seed: options.seed,
                    timeLimit: options.timeLimit, tracePath: tracePath, title: test.name
                ) { try await box.call() }
                guard report.failure != nil else { return }
                Issue.record(
                    Comment(rawValue: report.summary(program: test.name, strategy: options.strategy)),
                    sourceLocation: sourceLocation)
            }
        }
    }
}

extension Trait where Self == InterleavedTrait {
    /// Runs the test on an Interleave loop, in virtual time: FIFO by default, or
    /// `.explore(schedules: N)`. With `knownIssue`, a failure found is an expected one.
    /// ```swift
    /// @Test(.interleaved(.explore(schedules: 500)))
    /// func withdrawalsNeverOverdraw() async throws { try await twoWithdrawals() }
    /// ```
    public static func interleaved(
        _ mode: InterleaveMode = .fifo, knownIssue: Comment? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> Self {
        Self(mode: mode, knownIssue: knownIssue, sourceLocation: sourceLocation)
    }
}

/// The test function, lent to the loop's tasks for one run.
final class FunctionBox: Sendable {
    private let function: Locked<(@Sendable () async throws -> Void)?>

    init(_ function: @escaping @Sendable () async throws -> Void) { self.function = Locked(function) }

    func call() async throws {
        guard let function = function.withLock({ $0 }) else { throw CancellationError() }
        try await function()
    }

    func clear() { function.withLock { $0 = nil } }
}
