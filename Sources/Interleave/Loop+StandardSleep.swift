@_spi(ExperimentalScheduling) import _Concurrency
import InterleaveTrace

/// Plain `Task.sleep`, `ContinuousClock.sleep` and `SuspendingClock.sleep` in virtual time.
///
/// Swift hands a sleep to the sleeping task's executor when that executor conforms to
/// `SchedulingExecutor` (SPI): the job to run at the deadline comes to `enqueue(_:at:…)` or
/// `enqueue(_:after:…)` instead of a real timer. The loop parks it on its timer heap, so the
/// sleep takes virtual time only and wakes in (deadline, sequence) order like `sleep(for:)`.
@_spi(ExperimentalScheduling)
extension Loop: SchedulingExecutor {
    // The runtime asks an executor for this face before it hands it a sleep; it is not in the
    // module's textual interface, but without it every sleep silently stays on a real timer.
    public var asSchedulingExecutor: (any SchedulingExecutor)? { self }

    public func enqueue<C: Clock>(
        _ job: consuming ExecutorJob, after delay: C.Duration, tolerance: C.Duration?, clock: C
    ) {
        let unowned = UnownedJob(job)
        guard let delay = delay as? Duration else {
            return parkStandardSleep(unowned, delay: nil, clockName: "\(C.self)")
        }
        parkStandardSleep(unowned, delay: delay.nanoseconds, clockName: nil)
    }

    public func enqueue<C: Clock>(
        _ job: consuming ExecutorJob, at instant: C.Instant, tolerance: C.Duration?, clock: C
    ) {
        let unowned = UnownedJob(job)
        // The instant was reckoned from the clock's real `now` since the task last resumed: the
        // remaining real time is the written delay less the microseconds since (see WallClockSnap).
        guard let remaining = clock.now.duration(to: instant) as? Duration else {
            return parkStandardSleep(unowned, delay: nil, clockName: "\(C.self)")
        }
        let window = isOnLoopThread ? realTimeSinceStandardRunStart() : nil
        let reading = WallClockSnap.reading(remaining: remaining.nanoseconds, window: window)
        if let alternative = reading.alternative, let window { noteUncertainSleep(reading.delay, or: alternative, heldUp: window) }
        parkStandardSleep(unowned, delay: reading.delay, clockName: nil)
    }

    /// The thread was held up so long while the running task went to sleep that the sleep's
    /// length, read from the wall clock, has two readings (see `WallClockSnap.reading`): the
    /// run may differ from another run of the same program, and the lint says so.
    private func noteUncertainSleep(_ delay: Int64, or alternative: Int64, heldUp window: Int64) {
        publishedUncertainSleeps.add(1, ordering: .relaxed)
        let name = runningTask?.name ?? "a task"
        let milliseconds = (Double(window) / 1e6 * 10).rounded() / 10
        lint("\(name) was held up \(milliseconds) ms as it went to sleep, so the sleep's length, read from the wall clock, "
            + "is uncertain: taken as \(formatSeconds(delay)), it may have been \(formatSeconds(alternative))",
            task: runningTask?.id ?? .none, aboutTheProgram: false)
    }

    /// Parks a sleep's wake-up job until `delay` virtual nanoseconds from now (at once when
    /// nil: a clock the loop cannot make virtual, reported by a lint).
    private func parkStandardSleep(_ job: UnownedJob, delay: Int64?, clockName: String?) {
        guard isOnLoopThread else {
            // Not a loop task's sleep (its preferred executor is the loop, but it runs elsewhere
            // for now): keep it on the loop anyway, timed from the loop's next turn.
            let sendable = SendableJob(job)
            return hopOntoLoop { loop in loop.parkStandardSleep(sendable.job, delay: delay, clockName: clockName) }
        }
        let task = runningTask
        noteStandardCallSite()
        guard let delay else {
            lint("a sleep on \(clockName ?? "a clock") cannot be made virtual: it wakes at once", task: task?.id ?? .none)
            return runWakeUpJob(job)
        }
        let deadline = nowNanoseconds &+ max(0, delay)
        // The job is a small task of the runtime's own: it runs once at the deadline (resuming
        // the sleeper) and once more to finish, neither of them a task of the program's.
        if routesStandardJobs { standardJobs.sleepHelpers.insert(JobIdentity.address(of: job)) }
        if let task {
            recorder.record(.taskSleeping, task: task.id, arg: deadline, at: nowNanoseconds, location: standardLocation(of: task))
            task.standardSleepWakeJob = job
        }
        addTimer(at: deadline, .wakeStandardSleep(job, task, generation: task?.waitGeneration ?? 0))
    }

    /// The sleep's wake-up job is due: its task shows woken, and is ready to run.
    func fireStandardSleep(_ job: UnownedJob, task: TaskRecord?) {
        if let task {
            task.standardSleepWakeJob = nil
            task.waitGeneration &+= 1
            recorder.record(.taskWoken, task: task.id, arg: Int64(TaskID.none.rawValue), at: nowNanoseconds)
        }
        runWakeUpJob(job)
        // The sleep task hands itself back once more before it resumes the sleeper: run that
        // too, so the sleeper is ready when the timer has fired, as after any other timer.
        runRuntimeJobs()
    }

    /// Runs the runtime sleep task's last jobs, enqueued during the last step or the last timers.
    func runRuntimeJobs() {
        while !standardJobs.runtimeJobs.isEmpty {
            let job = standardJobs.runtimeJobs.removeFirst()
            standardJobs.sleepHelpers.remove(JobIdentity.address(of: job))
            runWakeUpJob(job)
        }
    }

    /// Runs the runtime's job that ends a sleep, at once and between the loop's steps: all it
    /// does is make the sleeping task ready (enqueue it here), so it is not a step of its own,
    /// nor a choice a schedule could make.
    private func runWakeUpJob(_ job: UnownedJob) {
        let (running, pending) = (current, attributionPending)
        (current, attributionPending) = (nil, false)
        job.runSynchronously(on: asUnownedTaskExecutor())
        (current, attributionPending) = (running, pending)
    }

    /// `task` runs again while its standard sleep is still parked: it was cancelled (Swift's
    /// cancellation handler resumed it without waiting for the timer). The timer is called off,
    /// so it no longer moves the clock, and its wake-up job runs now, finding nothing to do.
    func endStandardSleepEarly(of task: TaskRecord) {
        guard let job = task.standardSleepWakeJob else { return }
        task.standardSleepWakeJob = nil
        task.waitGeneration &+= 1
        recorder.record(.taskWoken, task: task.id, arg: Int64(TaskID.none.rawValue), at: nowNanoseconds)
        runWakeUpJob(job)
    }
}

/// An `UnownedJob` carried to the loop's thread in a command.
struct SendableJob: @unchecked Sendable {
    // Unchecked: a job is handed over once and run once, on the loop thread.
    let job: UnownedJob
    init(_ job: UnownedJob) { self.job = job }
}
