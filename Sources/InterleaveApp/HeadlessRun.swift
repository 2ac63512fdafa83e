import Interleave
import InterleaveTrace
import InterleaveUI

/// A workload on a fresh loop, from setup to result: make the loop, write the header, start the
/// workload, run it until idle (injecting faults at their moments), report, close.
///
/// Every way Interleave runs something goes through it: `interleave demo --plain`, `record`, a
/// playlist's demos, `visualize` without a terminal, and, through `makeLoop`, every live view's
/// loop (its first one and each one a restart or a rewind makes).
/// ```swift
/// let run = HeadlessRun(seed: 7) { loop in loop.spawn("main") { try await sleep(for: .seconds(1)) } }
/// let outcome = run.run()
/// outcome.virtualNanoseconds                              // 1_000_000_000
/// print(try run.plainReport(injecting: [InjectionSpec(parsing: "cancel main at 0.5s")]))
/// ```
public struct HeadlessRun: Sendable {
    /// Scheduling policy of a headless run, and of a live one unless its source passes another.
    public var policy: SchedulePolicy
    /// The seed the trace's header records (the loop records a random policy's own seed).
    public var seed: UInt64?
    /// False runs untraced, for measuring the runtime alone.
    public var tracing: Bool
    /// The terminal the run is shown on, recorded in the header so a replay can match it.
    public var terminalSize: (columns: Int, rows: Int)?
    /// True for a workload of unmodified Swift concurrency: its loops take in the jobs of
    /// `Task {}`, `Task.detached` and `@MainActor` code (run it inside
    /// `StandardConcurrency.withRouting`).
    public var routesStandardJobs: Bool
    /// Spawns the workload on the loop (and may describe it in the header): it runs as the loop steps.
    public let start: @Sendable (Loop) -> Void

    public init(
        policy: SchedulePolicy = .fifo, seed: UInt64? = nil, tracing: Bool = true,
        terminalSize: (columns: Int, rows: Int)? = nil, routesStandardJobs: Bool = false,
        start: @escaping @Sendable (Loop) -> Void
    ) {
        self.routesStandardJobs = routesStandardJobs
        self.policy = policy
        self.seed = seed
        self.tracing = tracing
        self.terminalSize = terminalSize
        self.start = start
    }

    /// What a finished run leaves: its whole trace and where its virtual clock stopped.
    public struct Outcome: Sendable {
        public let store: TraceStore
        /// Virtual nanoseconds from the start to the end of the run, the trace's unit of time.
        public let virtualNanoseconds: Int64
    }

    /// A loop with the header written and the workload started, not yet run. A live source
    /// passes its own policy and has the faults scheduled by time, to hit the task of that
    /// name when the live clock gets there. Close it once done.
    public func makeLoop(policy: SchedulePolicy? = nil, scheduling injections: [InjectionSpec] = []) -> Loop {
        let loop = describedLoop(policy: policy ?? self.policy)
        start(loop)
        loop.schedule(injections)
        return loop
    }

    /// Runs the workload to its end in virtual time and closes the loop.
    public func run() -> Outcome {
        routed {
            let loop = makeLoop()
            loop.runUntilIdle()
            return finish(loop)
        }
    }

    /// Runs `body` inside a routing of standard concurrency when the workload needs one (joining
    /// the one active, as inside `visualize`); a runtime without the hooks runs it unrouted.
    private func routed<R>(_ body: () throws -> R) rethrows -> R {
        guard routesStandardJobs else { return try body() }
        return try StandardConcurrency.withSharedRouting(body)
    }

    /// Runs the workload to its end, injecting each fault at its virtual time, and writes the
    /// trace to `path` when one is given. Throws `InjectionError` when an injection finds no
    /// unfinished task of its name, or the trace file's error.
    ///
    /// The trace streams into a temporary file beside `path` as it grows, renamed to `path`
    /// only once the run and the file are whole: a failed run leaves nothing at `path`, and
    /// does not clobber what was there.
    public func run(injecting injections: [InjectionSpec], recordingTo path: String? = nil) throws -> Outcome {
        try routed { try runUnrouted(injecting: injections, recordingTo: path) }
    }

    private func runUnrouted(injecting injections: [InjectionSpec], recordingTo path: String?) throws -> Outcome {
        let loop = describedLoop(policy: policy)
        let file = path.map(StagedFile.init(path:))
        // The file is opened before the workload starts, so a bad path fails with nothing run.
        let recorder: TraceFileRecorder?
        do { recorder = try file.map { try TraceFileRecorder(staging: $0, store: loop.store) } } catch {
            loop.close()
            throw error
        }
        start(loop)
        // The writer thread starts only after the workload's source and header are in the
        // store, so nothing the header holds changes under it.
        recorder?.start()
        defer { loop.close() }
        do { try loop.runInjecting(injections) } catch {
            try? recorder?.finish()
            file?.discard()
            throw error
        }
        do {
            try recorder?.finish()
            try file?.commit()
        } catch {
            file?.discard()
            throw error
        }
        return Outcome(store: loop.store, virtualNanoseconds: loop.nowInNanoseconds)
    }

    /// The plain report of a run to its end: printed lines, a timeline, diagnostics.
    public func plainReport(injecting injections: [InjectionSpec] = []) throws -> String {
        PlainReport(store: try run(injecting: injections).store).render()
    }

    private func describedLoop(policy: SchedulePolicy) -> Loop {
        let loop = Loop(policy: policy, tracing: tracing, routesStandardJobs: routesStandardJobs)
        var header = loop.store.header
        if let seed { header.seed = seed }
        if let terminalSize {
            header.terminalColumns = terminalSize.columns
            header.terminalRows = terminalSize.rows
        }
        loop.store.header = header
        return loop
    }

    /// Ends the leftover tasks (a deadlock's): the trace stays as the run left it.
    private func finish(_ loop: Loop) -> Outcome {
        loop.close()
        return Outcome(store: loop.store, virtualNanoseconds: loop.nowInNanoseconds)
    }
}
