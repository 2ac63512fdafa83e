import Foundation
import Interleave
import InterleaveTrace

/// A workload running live on its loop thread, which can be restarted and rewound.
///
/// Rewinding to step k re-executes the workload from the start with the same seed, replaying
/// the faults injected before k at the steps where they happened ("time travel"); the trace
/// after k is replaced by whatever happens next.
public final class LiveSource {
    /// How the loop picks among ready jobs; following an explore offer changes it.
    public private(set) var policy: SchedulePolicy
    let speed: Double
    /// How long the stall key blocks the loop, in virtual time.
    public let stallDuration: Duration
    /// Wall seconds each caption holds the run at 1× (see `LiveRunner.captionHold`).
    let captionHold: Double
    /// Creates a fresh loop with the workload spawned on it (not yet run).
    let makeLoop: (SchedulePolicy) -> Loop
    /// The workload alone, for `e` to search its other schedules (`Explorer`); nil when the
    /// run cannot be rerun faithfully that way (faults scheduled with `--inject`).
    public let program: Explorer.Program?
    public private(set) var loop: Loop
    private(set) var runner: LiveRunner
    private(set) var rewoundTo: Int?

    public init(
        policy: SchedulePolicy, speed: Double, startPaused: Bool, stallDuration: Duration = .seconds(2),
        captionHold: Double = 0, program: Explorer.Program? = nil, makeLoop: @escaping (SchedulePolicy) -> Loop
    ) {
        self.captionHold = captionHold
        self.program = program
        self.policy = policy
        self.speed = speed
        self.stallDuration = stallDuration
        self.makeLoop = makeLoop
        loop = makeLoop(policy)
        runner = LiveRunner(loop: loop, startPaused: startPaused, speed: speed, captionHold: captionHold)
        runner.start()
    }

    var store: TraceStore { loop.store }

    /// Stops the current run and starts the workload again from step 0.
    func restart(paused: Bool, speed: Double) {
        retire()
        loop = makeLoop(policy)
        runner = LiveRunner(loop: loop, startPaused: paused, speed: speed, captionHold: captionHold)
        rewoundTo = nil
        runner.start()
    }

    /// Re-executes the workload up to `step` with the faults injected before it, then pauses
    /// there, at the instant the view showed: `events` is how many events the view had folded,
    /// so the clock stands where the rewound screen said it did.
    func rewind(to step: Int, events: Int, speed: Double) {
        // By hand, the schedule is what the user chose before the step returned to; the
        // choices after it are theirs to make again.
        var policy = policy
        if case .manual = policy { policy = .manual(Schedule(loop.store.manualChoices(before: events))) }
        reexecute(to: step, events: events, policy: policy, speed: speed)
    }

    /// Switches the run to `policy` (an explored schedule), re-executed up to `step` and paused
    /// there as a rewind is: the new schedule makes the same choices up to that step, so the
    /// screen stays as it was and stepping on shows where the new schedule leads.
    func follow(_ policy: SchedulePolicy, from step: Int, events: Int, speed: Double) {
        self.policy = policy
        reexecute(to: step, events: events, policy: policy, speed: speed)
    }

    /// A fresh run of the workload under `policy`, re-executed to `step` with the faults
    /// injected before it, paused at the instant the view showed.
    private func reexecute(to step: Int, events: Int, policy: SchedulePolicy, speed: Double) {
        let faults = Self.faults(in: loop.store, before: step, stall: stallDuration)
        retire()
        let fresh = makeLoop(policy)
        fresh.reexecute(steps: step, injecting: faults, throughEvent: events)
        loop = fresh
        runner = LiveRunner(loop: fresh, startPaused: true, speed: speed, captionHold: captionHold)
        rewoundTo = step
        runner.start()
    }

    /// Schedules by hand from `step` on (`manual`), or goes on in FIFO order after the choices
    /// made so far: re-executed up to `step` and paused there, as a rewind is.
    func switchSchedule(manual: Bool, from step: Int, events: Int, speed: Double) {
        if manual {
            // The choices the run has made up to `step` (all 0 under FIFO), found by a quiet
            // re-execution: the manual schedule replays them, then asks.
            let probe = makeLoop(policy)
            probe.reexecute(
                steps: step, injecting: Self.faults(in: loop.store, before: step, stall: stallDuration), throughEvent: events)
            let made = probe.scheduleMade
            probe.close()
            follow(.manual(made), from: step, events: events, speed: speed)
        } else {
            follow(.replay(Schedule(loop.store.manualChoices(before: events))), from: step, events: events, speed: speed)
        }
    }

    /// Ends the run: its tasks are cancelled so their cleanup runs, then the thread stops; a
    /// thread stuck in a blocking call is abandoned with its loop.
    public func retire() {
        runner.shutdown(timeout: 1)
    }

    /// The faults recorded before `step`, each with the step count at which it was applied.
    static func faults(in store: TraceStore, before step: Int, stall: Duration) -> [AppliedFault] {
        var result: [AppliedFault] = []
        var steps = 0
        store.events.withRuns(in: 0..<store.events.count) { run, start in
            for (offset, e) in run.enumerated() {
                if e.kind == .taskResumed { steps += 1 }
                guard steps <= step, e.kind == .faultInjected, let kind = FaultKind(rawValue: UInt8(truncatingIfNeeded: e.arg)) else { continue }
                result.append(AppliedFault(
                    step: steps, time: e.time, fault: Fault(kind, stall: stall), task: e.task, event: start + offset))
            }
        }
        return result
    }
}
