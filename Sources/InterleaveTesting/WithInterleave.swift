import Interleave
import InterleaveTrace
import Testing

/// What one run of a test body on a loop came to, besides the body's value.
public struct InterleaveRun<Value: Sendable>: Sendable {
    /// What the body returned.
    public let value: Value
    /// Virtual time when the run ended (every task done): a 2 s `Task.sleep` counts 2 s.
    public let virtualTime: Duration
    /// Jobs the loop ran.
    public let steps: Int
    /// A failed `check` or invariant, or a lint counted as a failure; nil when none. (An error
    /// escaping the body is thrown instead.)
    public let failure: RunFailure?
    /// The run's trace: `PlainReport(store:)` renders it, `Explorer.save` writes it.
    public let store: TraceStore
}

/// Errors of the testing helpers themselves (the body's own errors are rethrown as they are).
public enum InterleaveTestingError: Error, Equatable, CustomStringConvertible {
    /// The body never returned: its tasks deadlocked or wait for something nothing will do.
    case neverFinished(String)

    public var description: String {
        switch self {
        case .neverFinished(let why): "the test body never finished on the Interleave loop: \(why)"
        }
    }
}

/// Runs `body` as the main task of an Interleave loop that takes in unmodified Swift
/// concurrency — `Task {}`, `Task.detached`, task groups, `async let`, actors, `@MainActor`,
/// `Task.sleep` and clock sleeps — in virtual time and in one deterministic order (FIFO unless
/// `policy` says otherwise), and returns its value.
///
/// The body's errors are rethrown; a failed `check` or invariant is recorded as an issue at
/// `sourceLocation`; a body that can never finish (a deadlock) throws
/// `InterleaveTestingError.neverFinished`.
/// ```swift
/// @Test func retriesBackOff() async throws {
///     let attempts = try await withInterleave {
///         try await client.fetchWithRetry()        // sleeps 1 s, 2 s, 4 s: no wall time
///     }
///     #expect(attempts == 3)
/// }
/// ```
/// Runs of standard concurrency are one per process at a time: concurrent calls (parallel
/// tests) wait for each other's end, in order of arrival.
public func withInterleave<R: Sendable>(
    _ policy: SchedulePolicy = .fifo, sourceLocation: Testing.SourceLocation = #_sourceLocation,
    _ body: @escaping @Sendable () async throws -> R
) async throws -> R {
    let run = try await withInterleaveRun(policy, body)
    if let failure = run.failure {
        Issue.record("\(failure)", sourceLocation: sourceLocation)
    }
    return run.value
}

/// `withInterleave`, returning the run's facts too: its virtual time, steps, failure and trace.
/// Records no issue itself.
/// ```swift
/// let run = try await withInterleaveRun {
///     try await Task.sleep(for: .seconds(2))
/// }
/// #expect(run.virtualTime == .seconds(2))
/// ```
public func withInterleaveRun<R: Sendable>(
    _ policy: SchedulePolicy = .fifo, _ body: @escaping @Sendable () async throws -> R
) async throws -> InterleaveRun<R> {
    try await InterleaveGate.shared.withTurn {
        try await LoopThread.run(name: "interleave-loop") { thread in
            try StandardConcurrency.withSharedRouting {
                let loop = Loop(policy: policy, routesStandardJobs: true)
                // Created in the awaiting task, so that it inherits the test's task locals.
                let main = Locked<LoopTask<R>?>(nil)
                thread.runInCaller { main.withLock { $0 = loop.spawn("main", body) } }
                loop.runUntilIdle()
                let result = main.withLock { $0 }?.result
                let failure = loop.failure
                let facts = (time: loop.now, steps: loop.steps)
                loop.close()
                guard let result else {
                    throw InterleaveTestingError.neverFinished(failure.map { "\($0)" } ?? "main never finished")
                }
                return InterleaveRun(
                    value: try result.get(), virtualTime: facts.time, steps: facts.steps,
                    failure: failure.flatMap { if case .mainFailed = $0 { nil } else { $0 } }, store: loop.store)
            }
        }
    }
}
