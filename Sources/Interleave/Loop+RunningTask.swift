import InterleaveTrace

/// Which task the running job is: the task a step started, or, in a job that is not a task's
/// own (an actor's), the task Swift says is running, found or adopted the first time traced
/// code asks.
extension Loop {
    /// The task whose job is running, if any (asking Swift which task it is, in an actor's job).
    var runningTask: TaskRecord? { attributionPending ? attributeCurrentJob() : current }

    /// The id of the task whose job is running, if any, read without a strong copy of the task:
    /// a retain and a release each time a task is spawned.
    package var runningTaskID: TaskID? {
        if attributionPending { return attributeCurrentJob()?.id }
        return current?.id
    }

    /// The task running the current job, found from the running Swift task when the job itself
    /// was not a task's (an actor's job, which may run several tasks' turns one after another);
    /// a task the loop never spawned is adopted, and reported unless the loop routes standard
    /// Swift concurrency (then such tasks are expected).
    func attributeCurrentJob() -> TaskRecord? {
        guard attributionPending else { return current }
        let address = JobIdentity.currentTaskAddress()
        guard address != 0 else { return current }
        if let current, current.address == address { return current }
        guard let record = registry.record(at: address)
            ?? (routesStandardJobs ? adoptStandardTask(at: address) : adoptUntrackedJob(address: address)) else { return nil }
        current = record
        if standardJobs.actors.running != nil { return enterStandardActorTurn(of: record) }
        recorder.record(.taskResumed, task: record.id, at: nowNanoseconds)
        return record
    }

    /// Registers a job the loop was not told about: a task created without `spawn` that still
    /// inherited the loop (an `async let`, a task-group child). It is shown, and reported once.
    ///
    /// Its parent is a guess: the job's creator is not known by the time the job runs.
    private func adoptUntrackedJob(address: UInt) -> TaskRecord {
        let parent = current?.id ?? runEnd.rootTask?.id ?? .none
        let name = "untracked-\(registry.nextIndex)"
        let id = recorder.createTask(name: name, parent: parent, at: nowNanoseconds)
        let record = TaskRecord(id: id, name: name, untracked: true)
        registry.adopt(record, at: address)
        lint("a task not created through Interleave's spawn runs on the loop (untracked-\(id.rawValue)); "
            + "use spawn or withTaskScope so it is named and followed (Swift does not tell the loop when such "
            + "a task completes: it is shown ended once every spawned task has, as its parent must have)", task: id)
        return record
    }
}
