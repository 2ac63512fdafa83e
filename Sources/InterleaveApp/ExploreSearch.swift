import Foundation
import Interleave
import Synchronization

/// A search for a failing continuation of a live run (the `e` key), on a thread of its own so
/// that the UI thread never waits for it: the frame loop polls `report`.
///
/// Nothing cancels the thread: a search the user no longer wants runs out its budget (a couple
/// of seconds) and its report is dropped.
/// ```swift
/// let search = ExploreSearch()
/// search.start(program: program, policy: .fifo, fromStep: 12, options: TUISession.exploreOptions)
/// // later, on each frame:
/// if let report = search.report { … }
/// ```
final class ExploreSearch: Sendable {
    private let outcome = Mutex<ExploreReport?>(nil)

    /// The search's report once it has finished; nil while it runs.
    var report: ExploreReport? { outcome.withLock { $0 } }

    /// Starts searching on a new thread.
    func start(program: @escaping Explorer.Program, policy: SchedulePolicy, fromStep step: Int, options: ExploreOptions) {
        let thread = Thread { [self] in
            let report = Self.search(program: program, policy: policy, fromStep: step, options: options)
            outcome.withLock { $0 = report }
        }
        thread.name = "interleave-explore"
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Searches the schedules that make the same choices as the run did up to `step`.
    static func search(program: @escaping Explorer.Program, policy: SchedulePolicy, fromStep step: Int, options: ExploreOptions) -> ExploreReport {
        let prefix = choices(of: program, policy: policy, throughStep: step)
        return Explorer(options: options, program: program).search(continuing: prefix)
    }

    /// The choices a run of `program` under `policy` makes in its first `step` jobs.
    ///
    /// The live loop cannot be asked (its choices belong to its thread, and it may have run on
    /// past the step on screen), so the run is re-executed to that step, untraced, as a rewind
    /// re-executes it: the same program and policy make the same choices.
    static func choices(of program: Explorer.Program, policy: SchedulePolicy, throughStep step: Int) -> Schedule {
        let loop = Loop(policy: policy, tracing: false)
        program(loop)
        loop.reexecute(steps: step, injecting: [])
        let made = loop.scheduleMade
        loop.close()
        return made
    }
}
