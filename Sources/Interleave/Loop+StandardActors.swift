@_spi(ExperimentalCustomExecutors) import _Concurrency
import InterleaveTrace

/// Default actors of standard Swift code, as resources of a routing loop (loop thread only).
///
/// An actor is held by the task whose turn runs inside it: a task's turn runs inside one of
/// the actor's jobs (one job may run several tasks' turns, one after another), and ends when the
/// task hops off the actor, suspends, or ends. A task queued on a busy actor waits to acquire it.
/// Both are read from the runtime (`RuntimeTaskLayout`): the actor an actor's job processes, and
/// the actor a suspended task is queued on (`StandardTaskWaits`).
struct StandardActorState {
    /// A known actor. The object is held weakly: an address reused by a new actor is a new actor.
    struct Entry {
        let resource: ResourceID
        weak var object: AnyObject?
    }

    /// One task recorded waiting to enter an actor.
    struct Waiter {
        let task: TaskRecord
        let actor: UInt
        let resource: ResourceID
    }

    /// Actors seen so far, by object address.
    var byAddress: [UInt: Entry] = [:]
    /// Actors named after each type so far, to number the later ones ("Account#2").
    var namesUsed: [String: Int] = [:]
    /// The actor whose job is running (its address and resource), if the running job is one.
    var running: (address: UInt, resource: ResourceID)?
    /// The task whose turn runs inside the running actor job, once known.
    var holder: TaskRecord?
    /// The tasks that had a turn in the running actor job, in order.
    var turns: [TaskRecord] = []
    /// Tasks recorded waiting to enter an actor, first come first.
    var waiters: [Waiter] = []
    /// The main actor's resource, once a standard task's job ran on it.
    var mainActor: ResourceID?

    /// `DefaultActorSeparate` (Swift's `ProcessOutOfLineJob`): the job that runs a default
    /// actor's queue; the actor object follows the 64-byte job header.
    static let processJobKind: UInt8 = 193
    static let processJobActorOffset = 64
}

extension Loop {
    // MARK: Hook points

    /// Before an actor's job runs (`stepBound`): the actor it processes becomes a resource.
    func beginStandardActorJob(_ job: UnownedJob) {
        standardJobs.actors.running = nil
        standardJobs.actors.holder = nil
        standardJobs.actors.turns = []
        guard StandardTaskWaits.isAvailable, MemoryLayout<UInt>.size == 8,
              ExecutorJob(job).kind.rawValue == StandardActorState.processJobKind else { return }
        let jobAddress = JobIdentity.address(of: job)
        let raw = RuntimeTaskLayout.pointer(jobAddress)
            .load(fromByteOffset: StandardActorState.processJobActorOffset, as: UnsafeRawPointer?.self)
        guard let raw else { return }
        let object = Unmanaged<AnyObject>.fromOpaque(raw).takeUnretainedValue()
        guard let resource = actorResource(for: object, at: UInt(bitPattern: raw)) else { return }
        standardJobs.actors.running = (UInt(bitPattern: raw), resource)
    }

    /// A task's turn inside the running actor job became known (`attributeCurrentJob`): the
    /// turns before it that no call revealed are recorded first, then it resumes and acquires
    /// the actor.
    func enterStandardActorTurn(of task: TaskRecord) -> TaskRecord {
        guard let running = standardJobs.actors.running, standardJobs.actors.holder !== task else {
            recorder.record(.taskResumed, task: task.id, at: nowNanoseconds)
            return task
        }
        settleStandardActorWaiters(upTo: task)
        beginTurn(of: task, in: running.resource)
        return task
    }

    /// After an actor's job (`stepBound`): the turns no call revealed are recorded, the last
    /// holder releases the actor, and every task that had a turn is followed to where it went
    /// (it ended, hopped back to the loop, sleeps, is queued on another actor, or is suspended).
    func endStandardActorJob() {
        guard let running = standardJobs.actors.running else { return }
        settleStandardActorWaiters(upTo: nil)
        if let holder = standardJobs.actors.holder {
            recorder.record(.lockReleased, task: holder.id, resource: running.resource, at: nowNanoseconds)
        }
        let turns = standardJobs.actors.turns
        standardJobs.actors.running = nil
        standardJobs.actors.holder = nil
        standardJobs.actors.turns = []
        for task in turns where !task.outcome.isFinished {
            if RuntimeTaskLayout.measured != nil {
                // Balances the release in `endAdoptedTaskIfComplete`; the task is alive (held by
                // the loop, or an `async let` task in its parent's frame).
                RuntimeTaskLayout.retain(task.address)
                endAdoptedTaskIfComplete(task, at: task.address)
                if task.outcome.isFinished { continue }
            }
            noteStandardSuspension(of: task)
        }
    }

    /// A job of `task` is enqueued from inside an actor's job (`noteStandardWake`), before the
    /// loop knows whose turn runs. Swift names no running task while one hops off an actor or
    /// ends: then the turns so far are read from the runtime, and the task enqueued is the one
    /// hopping off (its turn has just run) or one woken by the task whose turn runs.
    func noteStandardEnqueueInActorJob(of task: TaskRecord) {
        guard standardJobs.actors.running != nil, JobIdentity.currentTaskAddress() == 0 else {
            _ = attributeCurrentJob()
            return
        }
        settleStandardActorWaiters(upTo: nil)
        current = standardJobs.actors.turns.contains { $0 === task } ? task : standardJobs.actors.holder
    }

    /// How a suspended standard task waits (`noteStandardSuspension`): queued to enter a
    /// default actor is waiting to acquire it; anything else is a suspension at an await.
    func recordStandardWait(of task: TaskRecord) {
        if let (address, resource) = actorQueuedOn(task) {
            standardJobs.actors.waiters.removeAll { $0.task === task }
            standardJobs.actors.waiters.append(.init(task: task, actor: address, resource: resource))
            recorder.record(.taskWaiting, task: task.id, resource: resource, arg: TraceEvent.waitArg(.acquire),
                            at: nowNanoseconds, location: standardWaitLocation(of: task))
        } else if task.address != 0, case .task(let address)? = StandardTaskWaits.dependency(ofTaskAt: task.address),
                  let awaited = registry.record(at: address) {
            // `await child.value`, an `async let`: the same join as awaiting a spawned task.
            recorder.record(.taskWaiting, task: task.id, arg: TraceEvent.waitArg(.join, awaiting: awaited.id),
                            at: nowNanoseconds, location: standardWaitLocation(of: task))
        } else if let stream = streamWaitedOn(by: task) {
            recorder.record(.taskWaiting, task: task.id, resource: stream, arg: TraceEvent.waitArg(.get), at: nowNanoseconds,
                            location: standardWaitLocation(of: task))
        } else {
            recorder.record(.taskWaiting, task: task.id, arg: TraceEvent.waitArg(.suspended), at: nowNanoseconds,
                            location: standardWaitLocation(of: task))
        }
    }

    // MARK: The main actor

    /// A standard task's job on the main actor begins: the task holds the main actor (a
    /// resource named `MainActor`, made the first time) until the job ends.
    func beginMainActorTurn(of task: TaskRecord) -> TaskRecord {
        let resource: ResourceID
        if let known = standardJobs.actors.mainActor {
            resource = known
        } else {
            resource = recorder.createResource(name: "MainActor", kind: .actor, by: task.id, at: nowNanoseconds)
            standardJobs.actors.mainActor = resource
        }
        recorder.record(.lockAcquired, task: task.id, resource: resource, arg: Int64(task.id.rawValue), at: nowNanoseconds)
        return task
    }

    /// The task's job on the main actor returned: it lets go of the main actor.
    func endMainActorTurn(of task: TaskRecord) {
        guard let resource = standardJobs.actors.mainActor else { return }
        recorder.record(.lockReleased, task: task.id, resource: resource, at: nowNanoseconds)
    }

    // MARK: Turns

    /// `task`'s turn in the running actor job: the previous holder releases the actor, `task`
    /// (let in by it, when it was queued on it) resumes and acquires it.
    private func beginTurn(of task: TaskRecord, in resource: ResourceID) {
        let previous = standardJobs.actors.holder
        if let previous {
            recorder.record(.lockReleased, task: previous.id, resource: resource, at: nowNanoseconds)
        }
        if let index = standardJobs.actors.waiters.firstIndex(where: { $0.task === task }) {
            standardJobs.actors.waiters.remove(at: index)
            // Its entry is its wake-up: the actor let it in.
            task.standardSuspended = false
            recorder.record(.taskWoken, task: task.id, resource: resource, arg: Int64(TaskID.none.rawValue),
                            at: nowNanoseconds)
        }
        recorder.record(.taskResumed, task: task.id, at: nowNanoseconds)
        recorder.record(.lockAcquired, task: task.id, resource: resource, arg: Int64(task.id.rawValue), at: nowNanoseconds)
        standardJobs.actors.holder = task
        if !standardJobs.actors.turns.contains(where: { $0 === task }) { standardJobs.actors.turns.append(task) }
    }

    /// The tasks queued on the running actor, ahead of `task` (all of them when nil), that are
    /// queued no more: their turns ran without calling into the loop, so they are recorded now,
    /// in the order the tasks came (the actor's order, for tasks of one priority).
    private func settleStandardActorWaiters(upTo task: TaskRecord?) {
        guard let running = standardJobs.actors.running else { return }
        let queued = standardJobs.actors.waiters.filter { $0.actor == running.address }
        for waiter in queued {
            if let task, waiter.task === task { break }
            guard !waiter.task.outcome.isFinished, canRead(waiter.task) else {
                standardJobs.actors.waiters.removeAll { $0.task === waiter.task }
                continue
            }
            if case .actor(_, let address)? = StandardTaskWaits.dependency(ofTaskAt: waiter.task.address),
               address == running.address {
                continue
            }
            beginTurn(of: waiter.task, in: running.resource)
        }
    }

    /// Whether the task's memory can be read now: the loop holds it, or it is an `async let`
    /// task whose parent (whose frame holds it) had no turn in this job, so it has not returned.
    private func canRead(_ task: TaskRecord) -> Bool {
        guard RuntimeTaskLayout.measured != nil, task.address != 0 else { return false }
        if task.retainedByLoop { return true }
        let parent = store.task(task.id).parent
        return !standardJobs.actors.turns.contains { $0.id == parent }
    }

    // MARK: Actors

    /// The default actor `task` is queued on, as a resource, per its dependency record.
    private func actorQueuedOn(_ task: TaskRecord) -> (UInt, ResourceID)? {
        guard task.address != 0,
              case .actor(_, let address)? = StandardTaskWaits.dependency(ofTaskAt: task.address),
              let pointer = UnsafeRawPointer(bitPattern: address) else { return nil }
        // The actor is alive: a task queued on it is a job the actor holds on to.
        let object = Unmanaged<AnyObject>.fromOpaque(pointer).takeUnretainedValue()
        guard let resource = actorResource(for: object, at: address) else { return nil }
        return (address, resource)
    }

    /// The resource of the default actor `object`, made the first time it is seen and named
    /// after its type; nil for a serial executor that is not a default actor (a custom one).
    private func actorResource(for object: AnyObject, at address: UInt) -> ResourceID? {
        if let entry = standardJobs.actors.byAddress[address], entry.object === object { return entry.resource }
        // A custom executor's identity is the executor, not an actor.
        guard object is any Actor else { return nil }
        let typeName = String(describing: type(of: object))
        let uses = standardJobs.actors.namesUsed[typeName, default: 0] + 1
        standardJobs.actors.namesUsed[typeName] = uses
        let name = uses == 1 ? typeName : "\(typeName)#\(uses)"
        let resource = recorder.createResource(name: name, kind: .actor, by: current?.id ?? .none, at: nowNanoseconds)
        standardJobs.actors.byAddress[address] = .init(resource: resource, object: object)
        return resource
    }
}
