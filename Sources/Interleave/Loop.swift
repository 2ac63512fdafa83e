import Foundation
import InterleaveTrace
import Synchronization

/// A single-threaded, steppable, deterministic event loop for Swift's async runtime.
///
/// Tasks spawned on a loop run only when it is stepped: `step()` runs exactly one job (one
/// slice of one task between two suspension points), so a run can be watched, paused and
/// re-executed. Time is virtual: sleeps park on the loop's timer heap, and when nothing is ready
/// the clock jumps to the next deadline. Every suspension through the loop's primitives is
/// recorded in `store`.
/// ```swift
/// let loop = Loop()
/// let total = try loop.run("main") {
///     let a = spawn("task1") { try await sleep(for: .seconds(2)) }
///     let b = spawn("task2") { try await sleep(for: .seconds(1)) }
///     _ = try await gather(a, b)
///     return loop.now
/// }
/// // total == .seconds(2)
/// ```
// Unchecked: the `@exclusivity(unchecked)` state is touched only by the thread driving the loop
// (`LoopDriverClaim` traps a second one, `currentRecord` a call off it); the rest is atomics,
// the inbox's lock, and constants.
public final class Loop: TaskExecutor, @unchecked Sendable {
    /// The trace this loop records into.
    public let store: TraceStore
    let recorder: TraceRecorder
    public let policy: SchedulePolicy

    // Loop-thread state: touched only by the thread stepping the loop. Being confined to one
    // thread, it is marked `@exclusivity(unchecked)`: the dynamic checks (a thread-local lookup
    // per access) were a tenth of every job. The same holds for TaskRecord and the primitives.
    // Each concern is a small value type of its own; the loop ties them together.
    @exclusivity(unchecked) var ready: ReadyQueue
    @exclusivity(unchecked) var timers = TimerQueue()
    @exclusivity(unchecked) var registry = TaskRegistry()
    @exclusivity(unchecked) var io = IOAccounting()
    @exclusivity(unchecked) var pacing = LivePacing()
    @exclusivity(unchecked) var runEnd = RunEndState()
    /// Failed checks, invariants, deadlocks and lints of the current run (see `failure`).
    @exclusivity(unchecked) var failures = FailureLog()
    /// The task whose job is running, once known (see `attributeCurrentJob`).
    ///
    /// Not retained (holding it cost three retains and releases a job): while a task's job runs,
    /// its record is held by the registry until the task ends, and a spawned task's record by
    /// its own frame (`runSpawned`) until its last job returns. After a job, `stepBound` resets
    /// this before reading anything through it.
    @exclusivity(unchecked) unowned(unsafe) var current: TaskRecord?
    @exclusivity(unchecked) var stepCount = 0
    /// The task whose job the loop is about to be handed, set only around the call that makes
    /// Swift enqueue it (see `ReadyJob.record`, `withEnqueueHint`).
    @exclusivity(unchecked) var enqueueHint: Unmanaged<TaskRecord>?
    /// True while the running job's task is not yet known (see `attributeCurrentJob`).
    @exclusivity(unchecked) var attributionPending = false
    /// The resource that stands for the network in the trace, made on first use.
    lazy var ioChannel = IOChannel(resource: createResource("io", kind: .io, file: #fileID, line: #line))
    let sleepSource = SleepSource()
    /// Where yielding tasks wait, and the tasks that yielded during the current job.
    let yieldSource = YieldSource()

    // Cross-thread state.
    @usableFromInline let inbox = Inbox()
    let publishedTime = Atomic<Int64>(0)
    let publishedSteps = Atomic<Int>(0)
    /// Standard sleeps whose length had two readings (see `uncertainSleeps`).
    let publishedUncertainSleeps = Atomic<Int>(0)
    /// Which thread drives the loop now (see `LoopDriverClaim`).
    let driverClaim = LoopDriverClaim()

    /// The face that actors use to run on this loop (`unownedExecutor`). Made in `init` (it needs
    /// `self`, hence `lazy`), so that actors on two threads never race to make it twice.
    public private(set) lazy var actorExecutor = LoopActorExecutor(loop: self)

    /// True when `Task {}`, `Task.detached {}` and `@MainActor` jobs started from this loop's
    /// tasks run on the loop too (see `StandardConcurrency`), not on Swift's own executors.
    /// Set before the run (`init`, `routeStandardJobs()`), read on the loop's thread after.
    @exclusivity(unchecked) public internal(set) var routesStandardJobs = false
    /// True while the loop holds a share of the process's routing (from `routeStandardJobs()`
    /// until `close()`).
    @exclusivity(unchecked) var holdsRouting = false
    /// True when the loop looks up the source line each standard task stands at (see
    /// `StandardConcurrency.locatesStandardTasks`, which it starts from). Set before the run.
    @exclusivity(unchecked) public var locatesStandardTasks = StandardConcurrency.locatesStandardTasks
    /// Tasks of another runtime parked in `parkForeign`, by task (see `Loop+Foreign`).
    @exclusivity(unchecked) var foreignWaits: [TaskID: ForeignWaitSource] = [:]
    /// The unfinished tasks made by `spawnForeign`, by id: the other runtime names the task it
    /// runs next at every step (see `ForeignOrderPicker`).
    @exclusivity(unchecked) var foreignTasks: [TaskID: TaskRecord] = [:]
    /// What `close()` runs first (see `onClose`).
    @exclusivity(unchecked) var closeActions: [() -> Void] = []
    /// What the loop keeps for standard Swift concurrency's jobs (only when it routes them).
    @exclusivity(unchecked) var standardJobs = StandardJobState()

    /// The main actor, as `@MainActor` code started from this loop's tasks finds it while the
    /// loop routes standard concurrency (see `StandardConcurrency`).
    public private(set) lazy var mainActorExecutor = LoopMainActorExecutor(loop: self)

    /// Creates a loop recording into `store` (a new one by default). `routesStandardJobs` takes
    /// in the jobs of standard Swift concurrency started from its tasks (see
    /// `routeStandardJobs()`).
    public init(policy: SchedulePolicy = .fifo, store: TraceStore = TraceStore(), tracing: Bool = true,
                routesStandardJobs: Bool = false) {
        self.policy = policy
        self.store = store
        recorder = TraceRecorder(store: store)
        recorder.isEnabled = tracing
        ready = ReadyQueue(policy: policy)
        var header = store.header
        header.schedule = policy.headerName
        if case .random(let seed) = policy { header.seed = seed }
        if case .replay(let schedule) = policy { header.choices = schedule.choices }
        if case .manual(let schedule) = policy { header.choices = schedule.choices }
        store.header = header
        _ = actorExecutor
        _ = mainActorExecutor
        if routesStandardJobs { routeStandardJobs() }
    }

    deinit {
        inbox.loopEnded()
        if holdsRouting { RuntimeHooks.shared?.leave() }
    }

    /// The loop running the calling code, if it runs on one.
    public static var current: Loop? { CurrentLoop.loop }

    /// Virtual time since the loop started.
    public var now: Duration { .nanoseconds(publishedTime.load(ordering: .relaxed)) }

    /// Virtual time since the loop started, in nanoseconds (as trace events count it).
    public var nowInNanoseconds: Int64 { publishedTime.load(ordering: .relaxed) }

    /// Jobs run so far.
    public var steps: Int { publishedSteps.load(ordering: .relaxed) }

    /// Standard `Task.sleep`s so far whose length, read from the wall clock, was uncertain
    /// (the thread was held up as the task went to sleep; each has a lint). A run with none is
    /// the same run every time; one with some may differ from another run in those sleeps.
    public var uncertainSleeps: Int { publishedUncertainSleeps.load(ordering: .relaxed) }

    /// Whether a deadlock ends the run (headless runs) or leaves it waiting for the user to
    /// break it by failing or cancelling a task in the cycle (live runs).
    public var deadlockEndsRun: Bool {
        get { runEnd.deadlockEndsRun }
        set { runEnd.deadlockEndsRun = newValue }
    }

    /// Virtual time in nanoseconds, as the loop thread sees it (`nowInNanoseconds` elsewhere).
    var nowNanoseconds: Int64 {
        @inline(__always) get { timers.now }
    }

    /// Spawned tasks whose first job has not arrived yet.
    var unstartedTasks: Int { registry.unstartedTasks }

    // MARK: Executor

    public func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        if isOnLoopThread {
            if routesStandardJobs {
                let address = JobIdentity.address(of: unowned)
                if standardJobs.sleepHelpers.contains(address) { return standardJobs.runtimeJobs.append(unowned) }
                if takeYieldJob(unowned) || takeHop(unowned, at: address) { return }
                noteStandardJob(at: address)
            }
            ready.push(ReadyJob(job: unowned, role: .task, record: enqueueHint))
        } else {
            inbox.post(job: ReadyJob(job: unowned, role: .task))
        }
    }

    func enqueueIsolated(_ job: UnownedJob) {
        if isOnLoopThread {
            ready.push(ReadyJob(job: job, role: .loopActor))
        } else {
            inbox.post(job: ReadyJob(job: job, role: .loopActor))
        }
    }

    // MARK: Stepping

    /// Runs exactly one ready job; returns false when none was ready (time does not move).
    @discardableResult
    public func step() -> Bool {
        let previous = beginDriving("Loop.step")
        defer { endDriving(restoring: previous) }
        return stepBound()
    }

    /// `step()` for a thread already bound to this loop.
    @inline(__always)
    func stepBound() -> Bool {
        if inbox.hasWork { drainInbox() }
        if routesStandardJobs, !standardJobs.runtimeJobs.isEmpty { runRuntimeJobs() }
        guard let next = ready.pop() else {
            if ready.offerUnrecorded { recordChoiceOffer() }
            return false
        }
        if ready.offerUnrecorded { recordChoiceOffer() }
        let address = JobIdentity.address(of: next.job)
        stepCount += 1
        publishedSteps.store(stepCount, ordering: .relaxed)
        if ready.passedOver != nil { notePreemption(running: address) }
        var standardTask: TaskRecord?
        if let found = registry.startJob(at: address, hint: next.record)
            ?? (routesStandardJobs ? adoptStandardTask(next.job, at: address).map(Unmanaged.passUnretained) : nil) {
            found._withUnsafeGuaranteedRef { record in
                current = record
                if routesStandardJobs {
                    standardTask = record
                    noteStandardJobStart(of: record)
                }
                beginJob(of: record)
            }
        } else {
            // An actor's job (or another job that is not a task itself): the task it runs for
            // is found the first time traced code asks (`attributeCurrentJob`). The runtime's
            // own sleep task runs for no task of the program's.
            current = nil
            attributionPending = !routesStandardJobs || runsTasksCode(next.job)
            if routesStandardJobs, attributionPending { beginStandardActorJob(next.job) }
        }
        // An adopted standard task is kept alive across its job, to read after
        // it whether it completed (see `Loop.endAdoptedTaskIfComplete`).
        let watched = routesStandardJobs ? watchAdoptedTask(current, at: address) : nil
        if routesStandardJobs { standardJobs.ownJobRunning = next.role == .task ? standardTask : nil }
        switch next.role {
        case .task:
            next.job.runSynchronously(on: asUnownedTaskExecutor())
            if routesStandardJobs, standardJobs.hop != nil { runHops() }
        case .loopActor:
            next.job.runSynchronously(
                isolatedTo: actorExecutor.asUnownedSerialExecutor(), taskExecutor: asUnownedTaskExecutor())
        case .mainActor:
            let holder = standardTask.map(beginMainActorTurn(of:))
            next.job.runSynchronously(
                isolatedTo: mainActorExecutor.asUnownedSerialExecutor(), taskExecutor: asUnownedTaskExecutor())
            if let holder { endMainActorTurn(of: holder) }
        }
        if let watched { endAdoptedTaskIfComplete(watched, at: address) }
        current = nil
        attributionPending = false
        // What only a loop routing standard Swift concurrency has to do after a job.
        if routesStandardJobs {
            standardJobs.ownJobRunning = nil
            if standardJobs.actors.running != nil { endStandardActorJob() }
            if !standardJobs.streams.byAddress.isEmpty { refreshStandardStreams(after: standardTask) }
            if let standardTask { noteStandardSuspension(of: standardTask) }
        }
        if !failures.invariants.isEmpty { checkInvariants() }
        if !yieldSource.tasks.isEmpty { wakeYieldedTasks() }
        return true
    }

    /// Wakes the tasks that yielded during the job just run, in the order they yielded.
    @inline(__always)
    private func wakeYieldedTasks() {
        // Woken in place and the array kept: a copy, or a fresh array, cost an allocation per
        // yield. A wake only queues the task's next job, so nothing yields meanwhile.
        let count = yieldSource.tasks.count
        for index in 0..<count {
            yieldSource.tasks[index]._withUnsafeGuaranteedRef { task in wake(task, by: task.id, source: .none) }
        }
        precondition(yieldSource.tasks.count == count, "a task yielded while the yielded tasks were woken")
        // Emptied by popping: `removeAll(keepingCapacity:)` went through the generic
        // `replaceSubrange`, 64 instructions a yield, for what is nearly always one task.
        while yieldSource.tasks.popLast() != nil {}
    }

    /// What starts each job of a task: its resumption in the trace, and what was left for it to
    /// do as it next runs (a standard sleep it left early, a blocking call).
    @inline(__always)
    private func beginJob(of record: TaskRecord) {
        if record.standardSleepWakeJob != nil { endStandardSleepEarly(of: record) }
        recorder.record(.taskResumed, task: record.id, at: nowNanoseconds)
        if let stall = record.pendingStall {
            record.pendingStall = nil
            performBlockingCall(by: record, for: stall)
        }
    }

    /// Moves jobs and commands posted from other threads onto the loop, in arrival order.
    func drainInbox() {
        let (jobs, commands) = inbox.take()
        for job in jobs {
            if routesStandardJobs { noteJobFromAnotherThread(at: JobIdentity.address(of: job.job)) }
            ready.push(job)
        }
        for command in commands { command(self) }
    }

    /// Waits for work that another thread owes the loop (a new task's first job, an I/O that
    /// is due); false when nothing is owed.
    func waitForOwedWork(until deadline: Date? = nil) -> Bool {
        guard isOwedWork else { return false }
        inbox.wait(until: deadline)
        return true
    }

    /// True while another thread owes the loop work: a spawned task's first job, or I/O that
    /// is due. Until it comes the loop is not idle, and virtual time must not move.
    var isOwedWork: Bool { registry.unstartedTasks > 0 || io.hasDue }

    /// Runs `enqueue`, which makes Swift hand the loop a job of `task` (a resume, a new task),
    /// telling `enqueue` whose job it is.
    @inline(__always)
    func withEnqueueHint<R>(_ task: TaskRecord, _ enqueue: () -> R) -> R {
        enqueueHint = Unmanaged.passUnretained(task)
        defer { enqueueHint = nil }
        return enqueue()
    }

    func setNow(_ nanoseconds: Int64) {
        timers.now = nanoseconds
        publishedTime.store(nanoseconds, ordering: .relaxed)
    }
}

/// The `SerialExecutor` face of a loop, so actors can be bound to it.
///
/// ```swift
/// actor Counter {
///     let loop: Loop
///     nonisolated var unownedExecutor: UnownedSerialExecutor { loop.actorExecutor.asUnownedSerialExecutor() }
/// }
/// ```
public final class LoopActorExecutor: SerialExecutor, Sendable {
    unowned let loop: Loop
    init(loop: Loop) { self.loop = loop }

    public func enqueue(_ job: consuming ExecutorJob) {
        loop.enqueueIsolated(UnownedJob(job))
    }

    public func isSameExclusiveExecutionContext(other: LoopActorExecutor) -> Bool { other === self }

    public func checkIsolated() {
        precondition(CurrentLoop.loop === loop, "not running on this Interleave loop")
    }
}

/// The main actor of a loop that routes standard concurrency: `@MainActor` code of its tasks
/// runs on the loop, one job at a time, in the loop's order (on the loop's thread, which is not
/// the process's main thread).
public final class LoopMainActorExecutor: SerialExecutor, Sendable {
    unowned let loop: Loop
    init(loop: Loop) { self.loop = loop }

    public func enqueue(_ job: consuming ExecutorJob) {
        loop.takeRoutedJob(UnownedJob(job), role: .mainActor)
    }

    public func isSameExclusiveExecutionContext(other: LoopMainActorExecutor) -> Bool { other === self }

    public func checkIsolated() {
        precondition(CurrentLoop.loop === loop, "not running on this Interleave loop's main actor")
    }
}
