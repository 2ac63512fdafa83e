import InterleaveTrace

/// The loop's tasks: each task's record by trace id and by the address its jobs carry, how many
/// spawned tasks are still to finish or still to start, and the tasks adopted along the way.
///
/// Pure book-keeping, loop thread only: recording a task's creation or end in the trace is the
/// loop's part. Spawned tasks are counted as live until they finish; an adopted task (one the
/// loop did not spawn, see `adopt`) is not, since nothing tells the loop when it completes.
/// ```swift
/// var registry = TaskRegistry()
/// registry.register(record)                 // spawned: live, not started
/// registry.bind(record, to: address)
/// registry.startJob(at: address)            // its first job: started
/// registry.remove(record)                   // finished: no longer live
/// ```
struct TaskRegistry {
    /// Every unfinished task, in creation order. Shared by copies of the registry, like the
    /// records themselves.
    private let live = LiveTaskList()
    /// Unfinished tasks by the address their jobs carry: built the first time a task is looked
    /// up by address (a job the loop did not queue itself, see `ReadyJob.record`), and kept up
    /// from then on. A run whose jobs all carry their task never builds it: inserting and
    /// removing every task cost 410 instructions a task in spawn_gather.
    private var recordByAddress: [FastHashKey: TaskRecord] = [:]
    private(set) var indexesAddresses = false
    /// True from the registration of a spawned task until its Swift task is bound: `spawn` is
    /// creating it. A flag, not the newest record: holding that record would keep a finished
    /// task, and what it still refers to, alive as long as the loop.
    private(set) var isBinding = false
    /// The index the next task's id will have (ids are handed out in creation order).
    private(set) var nextIndex = 0
    /// Spawned tasks not yet finished.
    private(set) var liveTaskCount = 0
    /// Spawned tasks whose first job has not arrived yet: Swift may hand a new task to its
    /// preferred executor a moment after creating it, so idle is not idle until they have.
    private(set) var unstartedTasks = 0
    /// Adopted tasks not yet ended, in the order they were adopted.
    private(set) var openAdopted: [TaskRecord] = []

    /// Job addresses the registry maps to a task (none until it indexes them).
    var addressCount: Int { recordByAddress.count }
    /// Tasks the registry still holds (the unfinished ones).
    var recordCount: Int { live.count }

    /// Adds a task that was just spawned: live, and owed a first job.
    mutating func register(_ record: TaskRecord) {
        add(record)
        liveTaskCount += 1
        unstartedTasks += 1
    }

    private mutating func add(_ record: TaskRecord) {
        live.append(record)
        isBinding = !record.untracked && record.address == 0
        nextIndex = record.id.index + 1
    }

    /// Says which job address is `record`'s, once its Swift task exists.
    mutating func bind(_ record: TaskRecord, to address: UInt) {
        record.address = address
        if indexesAddresses { recordByAddress[FastHashKey(address)] = record }
        isBinding = false
    }

    /// Indexes the unfinished tasks by address, oldest first: a newer task bound to an address
    /// (Swift reuses a completed task's memory) replaces an adopted one whose end went unseen.
    private mutating func indexAddresses() {
        indexesAddresses = true
        for record in live.all where record.address != 0 {
            recordByAddress[FastHashKey(record.address)] = record
        }
    }

    /// Adds a task the loop did not spawn, found running a job at `address` (an `async let`, a
    /// task-group child that inherited the loop).
    ///
    /// It is running now, and was never counted as a task yet to start: its next job must not
    /// count it as starting (that took one off `unstartedTasks`, which then let the loop think
    /// itself idle while a spawned task's first job was still on its way).
    mutating func adopt(_ record: TaskRecord, at address: UInt) {
        record.started = true
        add(record)
        openAdopted.append(record)
        bind(record, to: address)
    }

    /// The task whose job has `address`, marking it started on its first job; nil for jobs that
    /// are not a known task's (actor jobs, tasks not adopted yet).
    ///
    /// `hint` is the task the job was queued for, if the loop knew (see `ReadyJob.record`); it
    /// is taken when the job's address is its own. Unretained: the registry holds the task (it
    /// is unfinished), and the step that asks holds no reference past the job (a retain and a
    /// release a job).
    @inline(__always)
    mutating func startJob(at address: UInt, hint: Unmanaged<TaskRecord>? = nil) -> Unmanaged<TaskRecord>? {
        let isOwn = hint?._withUnsafeGuaranteedRef { $0.address == address } ?? false
        let found: Unmanaged<TaskRecord>
        if isOwn, let hint {
            found = hint
        } else if let record = record(at: address) {
            found = Unmanaged.passUnretained(record)
        } else {
            return nil
        }
        found._withUnsafeGuaranteedRef { record in
            if !record.started {
                record.started = true
                unstartedTasks -= 1
            }
        }
        return found
    }

    /// The task whose job has `address`, if the registry knows it.
    mutating func record(at address: UInt) -> TaskRecord? {
        if !indexesAddresses { indexAddresses() }
        return recordByAddress[FastHashKey(address)]
    }

    /// The unfinished task with `id`, if there is one. A walk through the unfinished tasks: for
    /// what a user asks (a fault), not for every step.
    func unfinishedTask(_ id: TaskID) -> TaskRecord? {
        live.first { $0.id == id && !$0.outcome.isFinished }
    }

    /// Every task not yet finished, in creation order.
    var unfinishedTasks: [TaskRecord] {
        live.all.filter { !$0.outcome.isFinished }
    }

    /// Forgets a task that has finished; its address may be reused by a new Swift task.
    mutating func remove(_ task: TaskRecord) {
        // One lookup: the address may already be a newer task's (Swift reuses task memory).
        if indexesAddresses, let index = recordByAddress.index(forKey: FastHashKey(task.address)),
           recordByAddress.values[index] === task {
            recordByAddress.remove(at: index)
        }
        live.remove(task)
        if task.untracked {
            openAdopted.removeAll { $0 === task }
        } else {
            liveTaskCount -= 1
        }
    }

    /// The adopted tasks that must have completed by the time `ending`, a task that is ending
    /// now (and still counted), has: all of them when it is the last spawned task left.
    ///
    /// An adopted task is a structured child (an `async let`, a group child) of a task on the
    /// loop, and a structured child always completes before its parent does: once no spawned
    /// task is left, neither are their children, however deeply nested. Only a task still
    /// parked on one of the loop's waits, or already queued to run again, is provably still
    /// going, and an unstructured one (`Task {}`, marked `outlivesParent`) may be: one created
    /// with `Task(executorPreference:)` can outlive everything spawned.
    func adoptedTasksThatMustHaveEnded(with ending: TaskRecord, isQueued: (TaskRecord) -> Bool) -> [TaskRecord] {
        guard !ending.untracked, liveTaskCount == 1, ending.isLive else { return [] }
        return openAdopted.filter { $0.parkedAt == nil && !$0.outlivesParent && !isQueued($0) }
    }
}
