import Foundation
import InterleaveTrace
import Synchronization

/// Runs a loop on a thread of its own, with virtual time following wall time × speed.
///
/// Commands (pause, step, speed, inject, stop) are safe from any thread: they reach the loop
/// through its inbox and take effect between two jobs. A demo that blocks the loop thread
/// blocks only this thread; the UI keeps reading the trace and stays responsive.
/// ```swift
/// let runner = LiveRunner(loop: loop)
/// runner.start()
/// runner.pause()
/// runner.step()            // exactly one job
/// runner.resume()
/// runner.stop()
/// ```
///
/// The runner's thread drives the loop from `start` until it exits: stepping the same loop
/// from another thread meanwhile traps (see `LoopDriverClaim`).
// Unchecked: the mutable fields below are touched only on the runner's thread, by commands
// posted through the loop's inbox; the rest is atomics and constants.
public final class LiveRunner: @unchecked Sendable {
    public let loop: Loop
    private let finished = Atomic<Bool>(false)
    private let pausedFlag = Atomic<Bool>(false)

    // Loop-thread state, changed only by commands running on the loop thread.
    private var paused: Bool
    private var stepBudget = 0
    private var runUntilEventOf: TaskID?
    private var stopped = false
    /// Shutting down: time no longer follows the wall clock, and the thread ends when idle.
    private var draining = false
    private var virtualAnchor: Int64 = 0
    private var wallAnchor = Date()
    /// Until when the run holds still so that a caption just shown can be read (see `captionHold`).
    private var holdingUntil: Date?

    /// Wall seconds the run holds at each caption at 1× (scaled by the speed): time to read it
    /// before the picture moves on. Zero turns holds off.
    public let captionHold: Double

    public init(loop: Loop, startPaused: Bool = false, speed: Double = 1, captionHold: Double = 0) {
        self.loop = loop
        self.captionHold = captionHold
        paused = startPaused
        pausedFlag.store(startPaused, ordering: .relaxed)
        loop.pacing.speed = speed
        loop.pacing.isLive = true
        loop.deadlockEndsRun = false
    }

    /// True while time is stopped (paused by the user, or stepping).
    public var isPaused: Bool { pausedFlag.load(ordering: .relaxed) }
    /// True once the thread has exited after `stop()`.
    public var hasExited: Bool { finished.load(ordering: .acquiring) }

    /// Starts the loop thread.
    public func start() {
        // Not kept in a property: the thread holds its closure, which holds self, and that cycle
        // kept every finished runner, its loop and its whole trace alive (one per restart or rewind).
        let thread = Thread { [self] in self.threadMain() }
        thread.name = "interleave-loop"
        thread.stackSize = 8 << 20
        thread.start()
    }

    public func pause() { command { $0.setPaused(true) } }
    public func resume() { command { $0.setPaused(false) } }

    /// Runs `count` jobs (jumping the clock to the next timer when none is ready), then pauses.
    public func step(_ count: Int = 1) {
        command { runner in
            runner.setPaused(true)
            runner.stepBudget += count
        }
    }

    /// Runs until `task` records its next event, then pauses.
    public func runUntilNextEvent(of task: TaskID) {
        command { runner in
            runner.setPaused(true)
            runner.runUntilEventOf = task
        }
    }

    /// Makes the choice a manual schedule waits for (see `Loop.choose`): the chosen job runs at
    /// once, and the run goes on as before (paused, it runs just that job).
    public func choose(_ index: Int) {
        command { runner in
            guard runner.loop.awaitingChoice else { return }
            runner.loop.choose(index)
            // Time stood still while the class chose: it goes on from there.
            runner.reanchor()
            if runner.paused { runner.stepBudget = max(runner.stepBudget, 1) }
        }
    }

    /// Changes how fast virtual time follows wall time, clamped to `PlaybackSpeed.range`.
    public func setSpeed(_ speed: Double) {
        command { runner in
            runner.reanchor()
            runner.loop.pacing.speed = PlaybackSpeed.clamped(speed)
        }
    }

    /// Injects a fault into a task (see `Loop.inject`).
    public func inject(_ fault: Fault, into task: TaskID) { loop.inject(fault, into: task) }

    /// Stops the loop thread after the current job; returns at once.
    public func stop() { command { $0.stopped = true } }

    /// Cancels every task and runs the loop flat out until they have ended (so their cleanup
    /// code runs: servers closed, locks released), then stops; waits up to `timeout`.
    @discardableResult
    public func shutdown(timeout: TimeInterval = 1) -> Bool {
        command { runner in
            runner.draining = true
            runner.setPaused(false)
            for task in runner.loop.registry.unfinishedTasks { runner.loop.requestCancel(task) }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while !hasExited && Date() < deadline { Thread.sleep(forTimeInterval: 0.002) }
        if !hasExited { stop() }
        return hasExited
    }

    /// Stops and waits (up to `timeout`) for the thread to exit; false if it is still blocked.
    @discardableResult
    public func stopAndWait(timeout: TimeInterval = 1) -> Bool {
        stop()
        let deadline = Date().addingTimeInterval(timeout)
        while !hasExited && Date() < deadline { Thread.sleep(forTimeInterval: 0.002) }
        return hasExited
    }

    private func command(_ body: @escaping @Sendable (LiveRunner) -> Void) {
        loop.inbox.post { [self] _ in body(self) }
    }

    private func setPaused(_ value: Bool) {
        reanchor()
        paused = value
        pausedFlag.store(value, ordering: .relaxed)
        if !value {
            stepBudget = 0
            runUntilEventOf = nil
        }
    }

    private func reanchor() {
        virtualAnchor = loop.publishedTime.load(ordering: .relaxed)
        if virtualAnchor > loop.nowNanoseconds { loop.setNow(virtualAnchor) }
        wallAnchor = Date()
    }

    private func threadMain() {
        let previous = loop.beginDriving("LiveRunner.start")
        reanchor()
        while !stopped {
            loop.drainInbox()
            if stopped { break }
            turn()
        }
        // `close` claims the loop itself.
        loop.endDriving(restoring: previous)
        // Tasks that caught their cancellation and waited again would stay suspended forever,
        // holding this loop and its trace; a stopped run's are still mid-flight.
        if draining { loop.close() }
        finished.store(true, ordering: .releasing)
    }

    /// One turn of the live loop: run a job, move the clock, or wait for something to happen.
    private func turn() {
        let stepping = stepBudget > 0 || runUntilEventOf != nil
        if paused && !stepping {
            loop.inbox.wait(until: nil)
            return
        }
        if let until = holdingUntil, !stepping, !draining {
            if Date() < until {
                waitForInbox(until: min(until, Date().addingTimeInterval(1.0 / 30)))
                return
            }
            // Time stood still while the caption was read: it goes on from where it stopped.
            holdingUntil = nil
            reanchor()
        }
        let before = loop.store.events.count
        if loop.stepBound() {
            afterJob(eventsFrom: before)
            return
        }
        if loop.awaitingChoice {
            // Nothing runs, and no time passes, until the choice is made (`choose`).
            stepBudget = 0
            runUntilEventOf = nil
            loop.inbox.wait(until: nil)
            return
        }
        // A new task's first job or real I/O is on its way from another thread; time waits for it.
        let owedBy = Date().addingTimeInterval(1.0 / 30)
        if loop.waitForOwedWork(until: owedBy) {
            discountStoppedTime(after: owedBy)
            return
        }
        guard let deadline = loop.nextDeadline else {
            if loop.io.pending > 0 {
                waitForInbox(until: Date().addingTimeInterval(1.0 / 30))
                followWallClock(upTo: .max)
            } else if draining {
                stopped = true
            } else {
                loop.noteIdle()
                stepBudget = 0
                runUntilEventOf = nil
                loop.inbox.wait(until: nil)
            }
            return
        }
        if stepping || draining {
            // Stepping skips the wait: the next step happens at the next deadline.
            _ = loop.advanceToNextTimer()
            reanchor()
            return
        }
        let wallTarget = wallAnchor.addingTimeInterval(loop.pacing.wallSeconds(forVirtual: deadline - virtualAnchor))
        if Date() >= wallTarget {
            _ = loop.advanceToNextTimer()
            virtualAnchor = deadline
            wallAnchor = wallTarget
        } else {
            waitForInbox(until: min(wallTarget, Date().addingTimeInterval(1.0 / 30)))
            followWallClock(upTo: deadline)
        }
    }

    /// Waits for a command or until `deadline`, not counting time the process spent stopped.
    private func waitForInbox(until deadline: Date) {
        loop.inbox.wait(until: deadline)
        discountStoppedTime(after: deadline)
    }

    /// A wait that ends far past its deadline was stopped (Ctrl-Z, a suspended machine): that
    /// time did not run, so it is taken off the wall clock and virtual time goes on from where
    /// it was instead of leaping ahead. Waits last at most 1/30 s, so lateness is the tell.
    private func discountStoppedTime(after deadline: Date) {
        let late = Date().timeIntervalSince(deadline)
        if late > 0.1 { wallAnchor = wallAnchor.addingTimeInterval(late) }
    }

    /// Publishes the virtual time that wall time has reached, so the header clock moves.
    private func followWallClock(upTo limit: Int64) {
        let elapsed = loop.pacing.virtualNanoseconds(forWall: Date().timeIntervalSince(wallAnchor))
        let now = min(limit, virtualAnchor &+ elapsed)
        if now > loop.nowNanoseconds { loop.setNow(now) }
    }

    private func afterJob(eventsFrom before: Int) {
        if stepBudget > 0 { stepBudget -= 1 }
        if captionHold > 0, !paused {
            let events = loop.store.events
            for index in before..<events.count where events[index].kind == .caption {
                holdingUntil = Date().addingTimeInterval(captionHold / loop.pacing.speed)
                break
            }
        }
        if let task = runUntilEventOf {
            let events = loop.store.events
            for index in before..<events.count where events[index].task == task && events[index].kind != .taskResumed {
                runUntilEventOf = nil
                break
            }
        }
        if paused, stepBudget == 0, runUntilEventOf == nil { loop.settleBeforeNextJob() }
        // Jobs take no virtual time: keep the clock anchored where they ran.
        virtualAnchor = loop.nowNanoseconds
        wallAnchor = Date()
    }
}
