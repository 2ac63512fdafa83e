#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@_spi(ExperimentalCustomExecutors) import _Concurrency
import InterleaveTrace

/// What a loop that routes standard Swift concurrency keeps about it (loop thread only).
struct StandardJobState {
    /// For a job address not yet known to be a task of the loop's: the task whose job handed
    /// it to the loop first (created it), to be its parent once it runs.
    var creators: [UInt: TaskID] = [:]
    /// The runtime's sleep tasks (see `Loop.parkStandardSleep`) whose last job is still to come.
    var sleepHelpers: Set<UInt> = []
    /// The sleep tasks' last jobs, enqueued from the loop's thread: run between steps, so that
    /// they are neither steps nor choices.
    var runtimeJobs: [UnownedJob] = []
    /// Unnamed tasks adopted so far, by the name of their creator, to number them.
    var unnamedChildren: [String: Int] = [:]
    /// Where unnamed tasks not adopted yet were created (see `TaskCreationSite`).
    var creationSites = CreationSites()
    /// Tasks named after each creation site so far, to number the later ones.
    var siteNameUses: [String: Int] = [:]
    /// Default actors as resources (see `Loop+StandardActors`).
    var actors = StandardActorState()
    /// Streams as queues (see `Loop+StandardStreams`).
    var streams = StandardStreamState()
    /// The standard task whose own job is running (not an actor's job running its turn).
    var ownJobRunning: TaskRecord?
    /// That task's job handed back to the loop during it, to go on in the same step (see `takeHop`).
    var hop: UnownedJob?
    /// The `#fileID` of each source path standard tasks were seen at (see `Loop+StandardCallSites`).
    var locationIDs: [String: String] = [:]

    /// `NullaryContinuationJob`: the job `Task.yield()` enqueues to make its task ready again.
    static let yieldJobKind: UInt8 = 195

    static func monotonicNow() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

extension Loop {
    /// From now on, `Task {}`, `Task.detached {}` and `@MainActor` jobs started from this loop's
    /// tasks run on the loop, and plain `print` is their output: the loop takes a share of the
    /// process's routing (`StandardConcurrency`), held until `close()`. Call it before the run
    /// (a demo written in standard Swift concurrency does, as it starts). Without the runtime's
    /// hooks it does nothing but say why, in a lint.
    public func routeStandardJobs() {
        onLoopThreadOrClaimed("Loop.routeStandardJobs") {
            guard !routesStandardJobs else { return }
            routesStandardJobs = true
            guard let hooks = RuntimeHooks.shared else {
                return lint(RuntimeHooks.missingReason)
            }
            hooks.enterShared()
            holdsRouting = true
        }
    }

    /// The unfinished tasks, named, when one of them is suspended in an await of Swift's own
    /// (so the loop cannot tell that nothing will wake it); nil when all wait on Interleave's.
    func tasksInUnseenAwaits() -> String? {
        let stuck = registry.unfinishedTasks
        guard stuck.contains(where: { $0.standardSuspended }) else { return nil }
        let names = stuck.prefix(4).map(\.name).joined(separator: ", ")
        return stuck.count > 4 ? "\(names) and \(stuck.count - 4) more" : names
    }

    /// A job of a known task came back from another thread (through the inbox): said once per
    /// task, since the loop saw neither what it waited for nor when that ended.
    func noteJobFromAnotherThread(at address: UInt) {
        guard let task = registry.record(at: address), task.untracked, !task.resumedFromAnotherThread else { return }
        task.resumedFromAnotherThread = true
        lint("\(task.name) was resumed from another thread (a DispatchQueue, a Thread or real I/O): "
            + "that work ran in real time, outside the loop", task: task.id)
    }

    /// Lets go of the standard tasks that would not end (see `TaskRecord.retainedByLoop`).
    func releaseStandardTasks() {
        for task in registry.unfinishedTasks where task.retainedByLoop {
            task.retainedByLoop = false
            RuntimeTaskLayout.release(task.address)
        }
    }

    /// Gives the loop's share of the routing back (at `close()`): its tasks' standard jobs go to
    /// Swift's executors again, and its routed tasks are forgotten.
    func stopRoutingStandardJobs() {
        routesStandardJobs = false
        guard holdsRouting else { return }
        holdsRouting = false
        RoutedTasks.shared.remove(loop: self)
        RuntimeHooks.shared?.leave()
    }

    /// A job of the standard task `task` starts: unless it continues a hop, a new run of its
    /// jobs begins now, in real time (see `WallClockSnap`).
    @inline(__always)
    func noteStandardJobStart(of task: TaskRecord) {
        if !task.standardHopped { task.standardRunStartedAt = StandardJobState.monotonicNow() }
        task.standard?.location = .unknown
    }

    /// Real nanoseconds since the running standard task's current run of jobs began; nil when
    /// the loop does not time them.
    func realTimeSinceStandardRunStart() -> Int64? {
        guard routesStandardJobs, let task = runningTask, task.standardRunStartedAt > 0 else { return nil }
        return max(1, StandardJobState.monotonicNow() - task.standardRunStartedAt)
    }

    /// A job the runtime meant for its global or main executor, routed here (see
    /// `StandardConcurrency`): it joins the ready queue like any other.
    func takeRoutedJob(_ job: UnownedJob, role: ReadyJob.Role) {
        let address = JobIdentity.address(of: job)
        guard isOnLoopThread else {
            return inbox.post(job: ReadyJob(job: job, role: role))
        }
        if standardJobs.sleepHelpers.contains(address) { return standardJobs.runtimeJobs.append(job) }
        if role == .task, takeYieldJob(job) || takeHop(job, at: address) { return }
        if registry.record(at: address) == nil { RoutedTasks.shared.add(address, to: self) }
        noteStandardJob(at: address)
        ready.push(ReadyJob(job: job, role: role))
    }

    /// A job of `task` is handed to the loop: if it was suspended at an await the loop cannot
    /// see, the running task (or the runtime, between jobs) is what woke it.
    @inline(__always)
    func noteStandardWake(of task: TaskRecord) {
        // In an actor's job, the task enqueuing a job may not be known yet (it may be `task`).
        if attributionPending { noteStandardEnqueueInActorJob(of: task) }
        if task === current {
            task.standardRequeued = true
        } else if task.standardSuspended {
            task.standardSuspended = false
            noteStandardCallSite()
            let waker = runningTask?.id ?? .none
            let source = standardJobs.streams.waitingIn.isEmpty ? nil : streamWaking(task, by: waker)
            recorder.record(.taskWoken, task: task.id, resource: source ?? .none, arg: Int64(waker.rawValue), at: nowNanoseconds)
        }
    }

    /// A job of the standard task whose own job is running, handed back during it for the
    /// generic executor: Swift switches a task with no executor preference off a thread that has
    /// a task executor (the loop) at each call to a nonisolated async function, and hands its job
    /// to the global executor, which routes it here. Plain Swift would go on in place, so the
    /// job goes on in the same step (`runHops`): it is neither a step nor a choice.
    func takeHop(_ job: UnownedJob, at address: UInt) -> Bool {
        guard let running = standardJobs.ownJobRunning, running === current, running.address == address,
              standardJobs.hop == nil else { return false }
        // No call site here: the switch comes at the start of a job, before any program code.
        standardJobs.hop = job
        return true
    }

    /// Runs the running task's hops (`takeHop`), each after the job before it returned.
    @inline(__always)
    func runHops() {
        while let hop = standardJobs.hop {
            standardJobs.hop = nil
            hop.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    /// `Task.yield()` of the running standard task: the runtime hands the loop a small job that
    /// makes the task ready again. It runs between steps (like a sleep's wake-up, it is neither a
    /// step nor a choice), and the task is recorded yielding rather than waiting.
    func takeYieldJob(_ job: UnownedJob) -> Bool {
        guard ExecutorJob(job).kind.rawValue == StandardJobState.yieldJobKind, let task = runningTask,
              task.address != 0 else { return false }
        task.standardState.yielding = true
        noteStandardCallSite()
        standardJobs.runtimeJobs.append(job)
        return true
    }

    /// After a job of `task` on a routing loop: unless it is queued again (a yield, a hop),
    /// sleeping, parked on an Interleave wait or finished, it is suspended at an await the loop
    /// cannot see into (a group, a child, a continuation, an actor).
    func noteStandardSuspension(of task: TaskRecord) {
        task.standardHopped = task.standardRequeued
        defer { task.standardRequeued = false }
        if let standard = task.standard, standard.yielding {
            standard.yielding = false
            recorder.record(.taskYielded, task: task.id, at: nowNanoseconds, location: standardLocation(of: task))
            return
        }
        // A task parked on one of Interleave's own waits has said what it waits for.
        guard !task.standardRequeued, task.standardSleepWakeJob == nil, task.continuation == nil,
              !task.outcome.isFinished else { return }
        task.standardSuspended = true
        recordStandardWait(of: task)
    }

    /// A job enqueued here from the loop's thread, on a routing loop: a known task's is a wake-up
    /// (or a requeue), an unknown one's is a new task.
    @inline(__always)
    func noteStandardJob(at address: UInt) {
        if let task = registry.record(at: address) { noteStandardWake(of: task) } else { adoptAtCreation(ofJobAt: address) }
    }

    /// A task the running code has just created (its first job is being enqueued, in the
    /// creator's call stack): adopted now, so that it is created in the trace by its creator's
    /// step, as a spawned task is (rewinding to a step finds it there). Without the task reads,
    /// only its creator is noted and it is adopted at its first job.
    private func adoptAtCreation(ofJobAt address: UInt) {
        guard let measured = RuntimeTaskLayout.measured else { return noteCreator(ofJobAt: address) }
        guard !standardJobs.sleepHelpers.contains(address), !isSpawning,
              RuntimeTaskLayout.isTask(address), RuntimeTaskLayout.isUnstarted(address, measured) else { return }
        noteCreator(ofJobAt: address)
        noteStandardCallSite()
        _ = adoptStandardTask(at: address)
    }

    /// True while `spawn` creates its Swift task: the first job of a task that is registered,
    /// but not yet bound to its address.
    private var isSpawning: Bool {
        registry.isBinding
    }

    /// Remembers which task handed the loop a job it does not know yet (a child task's first
    /// job, from the code that created it), so the task can be parented when it runs.
    @inline(__always)
    func noteCreator(ofJobAt address: UInt) {
        guard standardJobs.creators[address] == nil, registry.record(at: address) == nil else { return }
        noteCreationSite(ofJobAt: address)
        guard let creator = runningTask?.id else { return }
        standardJobs.creators[address] = creator
    }

    /// A new unnamed task's first enqueue runs in its creator's call stack: the
    /// stack is taken now, to name the task after the line that created it when it is adopted.
    @inline(__always)
    private func noteCreationSite(ofJobAt address: UInt) {
        guard let measured = RuntimeTaskLayout.measured else { return }
        if isSpawning { return }
        let flags = RuntimeTaskLayout.flags(ofJobAt: address)
        guard flags & RuntimeTaskLayout.kindMask == RuntimeTaskLayout.taskKind,
              flags & RuntimeTaskLayout.hasInitialNameBit == 0,
              RuntimeTaskLayout.isUnstarted(address, measured) else { return }
        standardJobs.creationSites.capture(at: address)
    }

    /// The job about to run is a task the loop has not seen: a standard task (`Task {}`, a group
    /// child, an `async let`) is adopted now, named and parented, so its lane shows from its
    /// first step; other jobs (an actor's, a sleep's wake-up) are left to `attributeCurrentJob`.
    func adoptStandardTask(_ job: UnownedJob, at address: UInt) -> TaskRecord? {
        // A sleep task's last job that came from another thread: it runs for no task.
        if standardJobs.sleepHelpers.remove(address) != nil { return nil }
        guard ExecutorJob(job).kind == .task else {
            standardJobs.creationSites.forget(address)
            return nil
        }
        return adoptStandardTask(at: address)
    }

    /// Whether a job that is not a task's runs a task's code: an actor's job does (the turns of
    /// the tasks waiting to enter it), the runtime's own jobs (a yield's continuation) do not,
    /// and asking Swift which task runs would name whichever task drives the loop.
    func runsTasksCode(_ job: UnownedJob) -> Bool {
        let kind = ExecutorJob(job).kind.rawValue
        // DefaultActorInline, DefaultActorSeparate, DefaultActorOverride; IsolatedDeinit.
        return (192...194).contains(kind) || kind == 196
    }

    /// Adopts the standard task at `address`, running now or about to; nil for the runtime's
    /// own sleep task (whose last job can run inside an actor's job).
    func adoptStandardTask(at address: UInt) -> TaskRecord? {
        guard standardJobs.sleepHelpers.remove(address) == nil else { return nil }
        let parent = standardJobs.creators.removeValue(forKey: address) ?? current?.id ?? runEnd.rootTask?.id ?? .none
        // Its SE-0469 name, else the line that created it, else a number under its parent.
        let name = StandardTaskNames.name(ofTaskAt: address) ?? creationSiteName(ofTaskAt: address)
            ?? unnamedChildName(parent: parent)
        let id = recorder.createTask(name: name, parent: parent, at: nowNanoseconds)
        let record = TaskRecord(id: id, name: name, untracked: true)
        // `Task {}` and `Task.detached {}` may outlive every task on the loop; a structured
        // child (group child, `async let`) cannot outlive its parent. Unknown: taken as a child.
        if RuntimeTaskLayout.measured != nil {
            let flags = RuntimeTaskLayout.flags(ofJobAt: address)
            record.outlivesParent = flags & RuntimeTaskLayout.isChildBit == 0
            // Held until it ends, so that a cancellation (the c key, close) reaches a live task.
            // An `async let` task lives in its parent's frame, which outlives it anyway.
            if flags & RuntimeTaskLayout.isAsyncLetBit == 0 {
                RuntimeTaskLayout.retain(address)
                record.retainedByLoop = true
            }
            record.swiftTask = .adopted(address: address)
        }
        registry.adopt(record, at: address)
        return record
    }

    /// "fanOut@FanOut.swift:31", then "fanOut@FanOut.swift:31#2"… for more tasks
    /// from the same line; nil when no site was taken or none of its frames is the program's.
    private func creationSiteName(ofTaskAt address: UInt) -> String? {
        guard let site = standardJobs.creationSites.take(at: address) else { return nil }
        let uses = standardJobs.siteNameUses[site, default: 0] + 1
        standardJobs.siteNameUses[site] = uses
        return uses == 1 ? site : "\(site)#\(uses)"
    }

    /// "main.1", "main.2"…: an unnamed task is numbered under the task that created it.
    private func unnamedChildName(parent: TaskID) -> String {
        // The parent is most often the running task; finding another is a walk through the tasks.
        let parentTask = current?.id == parent ? current : registry.unfinishedTask(parent)
        let parentName = parentTask?.name ?? "task"
        let index = standardJobs.unnamedChildren[parentName, default: 0] + 1
        standardJobs.unnamedChildren[parentName] = index
        return "\(parentName).\(index)"
    }
}

// The end of adopted standard tasks, read from the task after each of its jobs.
extension Loop {
    /// The adopted task whose job is about to run at `address`, kept alive across the job so
    /// that it can be read after (a task that completes may be freed by the runtime during its
    /// last job); nil when its end cannot be read (`RuntimeTaskLayout` is off) or it is not an
    /// adopted task's job.
    @inline(__always)
    func watchAdoptedTask(_ record: TaskRecord?, at address: UInt) -> TaskRecord? {
        guard let record, record.untracked, RuntimeTaskLayout.measured != nil, RuntimeTaskLayout.isTask(address) else {
            return nil
        }
        RuntimeTaskLayout.retain(address)
        return record
    }

    /// After a job of the adopted task `record`: if the task completed, its end is recorded
    /// (returned, failed with its error, or cancelled) and it is forgotten, so that a new task
    /// at the same address is a new task. Releases what `watchAdoptedTask` retained.
    func endAdoptedTaskIfComplete(_ record: TaskRecord, at address: UInt) {
        defer { RuntimeTaskLayout.release(address) }
        guard let measured = RuntimeTaskLayout.measured, !record.outcome.isFinished else { return }
        switch RuntimeTaskLayout.completion(ofTaskAt: address, measured) {
        case .running:
            return
        case .returned:
            finish(record, .returned)
        case .threw(let error):
            finish(record, error is CancellationError ? .cancelled : .failed(error))
        }
        RoutedTasks.shared.remove(address)
    }
}
