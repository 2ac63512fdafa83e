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
    /// Unnamed tasks adopted so far, by the name of their creator, to number them.
    var unnamedChildren: [String: Int] = [:]

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
    }

    /// Real nanoseconds since the running standard task's current run of jobs began; nil when
    /// the loop does not time them.
    func realTimeSinceStandardRunStart() -> Int64? {
        guard routesStandardJobs, let task = runningTask, task.untracked, task.standardRunStartedAt > 0 else { return nil }
        return max(1, StandardJobState.monotonicNow() - task.standardRunStartedAt)
    }

    /// A job the runtime meant for its global or main executor, routed here (see
    /// `StandardConcurrency`): it joins the ready queue like any other.
    func takeRoutedJob(_ job: UnownedJob, role: ReadyJob.Role) {
        let address = JobIdentity.address(of: job)
        guard isOnLoopThread else {
            return inbox.post(job: ReadyJob(job: job, role: role))
        }
        if let task = registry.record(at: address) {
            noteStandardWake(of: task)
        } else {
            noteCreator(ofJobAt: address)
            RoutedTasks.shared.add(address, to: self)
        }
        ready.push(ReadyJob(job: job, role: role))
    }

    /// A job of `task` is handed to the loop: if it was suspended at an await the loop cannot
    /// see, the running task (or the runtime, between jobs) is what woke it.
    @inline(__always)
    func noteStandardWake(of task: TaskRecord) {
        if task === current {
            task.standardRequeued = true
        } else if task.standardSuspended {
            task.standardSuspended = false
            recorder.record(.taskWoken, task: task.id, arg: Int64((runningTask?.id ?? .none).rawValue), at: nowNanoseconds)
        }
    }

    /// After a job of the adopted standard task `task`: unless it is queued again (a yield, a
    /// hop) or sleeping, it is suspended at an await the loop cannot see into.
    func noteStandardSuspension(of task: TaskRecord) {
        task.standardHopped = task.standardRequeued
        defer { task.standardRequeued = false }
        guard !task.standardRequeued, task.standardSleepWakeJob == nil, !task.outcome.isFinished else { return }
        task.standardSuspended = true
        recorder.record(.taskWaiting, task: task.id, arg: TraceEvent.waitArg(.suspended), at: nowNanoseconds)
    }

    /// A job enqueued here from the loop's thread, on a routing loop: a known task's is a wake-up
    /// (or a requeue), an unknown one's is a new task to parent.
    @inline(__always)
    func noteStandardJob(at address: UInt) {
        if let task = registry.record(at: address) { noteStandardWake(of: task) } else { noteCreator(ofJobAt: address) }
    }

    /// Remembers which task handed the loop a job it does not know yet (a child task's first
    /// job, from the code that created it), so the task can be parented when it runs.
    @inline(__always)
    func noteCreator(ofJobAt address: UInt) {
        guard standardJobs.creators[address] == nil, registry.record(at: address) == nil,
              let creator = runningTask?.id else { return }
        standardJobs.creators[address] = creator
    }

    /// The job about to run is a task the loop has not seen: a standard task (`Task {}`, a group
    /// child, an `async let`) is adopted now, named and parented, so its lane shows from its
    /// first step; other jobs (an actor's, a sleep's wake-up) are left to `attributeCurrentJob`.
    func adoptStandardTask(_ job: UnownedJob, at address: UInt) -> TaskRecord? {
        guard ExecutorJob(job).kind == .task, standardJobs.sleepHelpers.remove(address) == nil else { return nil }
        return adoptStandardTask(at: address)
    }

    /// Adopts the standard task at `address`, running now or about to.
    func adoptStandardTask(at address: UInt) -> TaskRecord {
        let parent = standardJobs.creators.removeValue(forKey: address) ?? current?.id ?? runEnd.rootTask?.id ?? .none
        let name = StandardTaskNames.name(ofTaskAt: address) ?? unnamedChildName(parent: parent)
        let id = recorder.createTask(name: name, parent: parent, at: nowNanoseconds)
        let record = TaskRecord(id: id, name: name, untracked: true)
        registry.adopt(record, at: address)
        return record
    }

    /// "main.1", "main.2"…: an unnamed task is numbered under the task that created it.
    private func unnamedChildName(parent: TaskID) -> String {
        let parentName = registry.unfinishedTask(parent)?.name ?? "task"
        let index = standardJobs.unnamedChildren[parentName, default: 0] + 1
        standardJobs.unnamedChildren[parentName] = index
        return "\(parentName).\(index)"
    }
}
