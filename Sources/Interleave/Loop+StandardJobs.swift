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
    /// [helper-names] Where unnamed tasks not adopted yet were created (see `TaskCreationSite`).
    var creationSites = CreationSites()
    /// [helper-names] Tasks named after each creation site so far, to number the later ones.
    var siteNameUses: [String: Int] = [:]
}

extension Loop {
    /// A job the runtime meant for its global or main executor, routed here (see
    /// `StandardConcurrency`): it joins the ready queue like any other.
    func takeRoutedJob(_ job: UnownedJob, role: ReadyJob.Role) {
        let address = JobIdentity.address(of: job)
        guard isOnLoopThread else {
            return inbox.post(job: ReadyJob(job: job, role: role))
        }
        if registry.record(at: address) == nil {
            noteCreator(ofJobAt: address)
            RoutedTasks.shared.add(address, to: self)
        }
        ready.push(ReadyJob(job: job, role: role))
    }

    /// Remembers which task handed the loop a job it does not know yet (a child task's first
    /// job, from the code that created it), so the task can be parented when it runs.
    @inline(__always)
    func noteCreator(ofJobAt address: UInt) {
        guard standardJobs.creators[address] == nil, registry.record(at: address) == nil else { return }
        noteCreationSite(ofJobAt: address)  // [helper-names]
        guard let creator = runningTask?.id else { return }
        standardJobs.creators[address] = creator
    }

    /// [helper-names] A new unnamed task's first enqueue runs in its creator's call stack: the
    /// stack is taken now, to name the task after the line that created it when it is adopted.
    @inline(__always)
    private func noteCreationSite(ofJobAt address: UInt) {
        guard let measured = RuntimeTaskLayout.measured else { return }
        // The first job of a task `spawn` is creating: registered, not yet bound to its address.
        if let newest = registry.records.last ?? nil, !newest.untracked, newest.address == 0 { return }
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
        guard ExecutorJob(job).kind == .task, standardJobs.sleepHelpers.remove(address) == nil else {
            standardJobs.creationSites.forget(address)  // [helper-names]
            return nil
        }
        return adoptStandardTask(at: address)
    }

    /// Adopts the standard task at `address`, running now or about to.
    func adoptStandardTask(at address: UInt) -> TaskRecord {
        let parent = standardJobs.creators.removeValue(forKey: address) ?? current?.id ?? runEnd.rootTask?.id ?? .none
        // [helper-names] Its SE-0469 name, else the line that created it, else a number under its parent.
        let name = StandardTaskNames.name(ofTaskAt: address) ?? creationSiteName(ofTaskAt: address)
            ?? unnamedChildName(parent: parent)
        let id = recorder.createTask(name: name, parent: parent, at: nowNanoseconds)
        let record = TaskRecord(id: id, name: name, untracked: true)
        registry.adopt(record, at: address)
        return record
    }

    /// [helper-names] "fanOut@FanOut.swift:31", then "fanOut@FanOut.swift:31#2"… for more tasks
    /// from the same line; nil when no site was taken or none of its frames is the program's.
    private func creationSiteName(ofTaskAt address: UInt) -> String? {
        guard let site = standardJobs.creationSites.take(at: address) else { return nil }
        let uses = standardJobs.siteNameUses[site, default: 0] + 1
        standardJobs.siteNameUses[site] = uses
        return uses == 1 ? site : "\(site)#\(uses)"
    }

    /// "main.1", "main.2"…: an unnamed task is numbered under the task that created it.
    private func unnamedChildName(parent: TaskID) -> String {
        let parentName = registry.unfinishedTask(parent)?.name ?? "task"
        let index = standardJobs.unnamedChildren[parentName, default: 0] + 1
        standardJobs.unnamedChildren[parentName] = index
        return "\(parentName).\(index)"
    }
}

// [helper-names] The end of adopted standard tasks, read from the task after each of its jobs.
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
