import InterleaveTrace

/// `AsyncStream`s and `AsyncThrowingStream`s of standard Swift code, as queues of a routing loop
/// (loop thread only). A stream becomes a resource the first time a consumer waits in its
/// `next()` (see `StandardStreams`); from then on its buffer is read after every step, and a
/// change is the step's puts (yields) or gets (elements consumed without waiting). An element
/// yielded to a waiting consumer is handed over directly: a put by the producer, then a get by
/// the consumer when it resumes.
struct StandardStreamState {
    struct Entry {
        let resource: ResourceID
        /// Held weakly: an address reused by a new stream is a new stream.
        weak var object: AnyObject?
        /// What the stream held after the last step.
        var last: StandardStreams.Snapshot
        /// Consumers woken with an element handed to them, whose get is recorded when they resume.
        var handedTo: [TaskID] = []
    }

    /// Streams seen so far, by storage address.
    var byAddress: [UInt: Entry] = [:]
    /// Streams named after each type so far, to number the later ones.
    var namesUsed: [String: Int] = [:]
    /// The stream each suspended consumer waits in, by task.
    var waitingIn: [TaskID: UInt] = [:]
}

extension Loop {
    /// The stream the suspended `task` waits in, as a resource (`recordStandardWait`); nil when
    /// it waits in none.
    func streamWaitedOn(by task: TaskRecord) -> ResourceID? {
        guard task.address != 0, let storage = StandardStreams.storage(waitedOnByTaskAt: task.address) else { return nil }
        let address = UInt(bitPattern: Unmanaged.passUnretained(storage).toOpaque())
        guard let resource = streamResource(for: storage, at: address, seenBy: task.id) else { return nil }
        standardJobs.streams.waitingIn[task.id] = address
        return resource
    }

    /// A job of the suspended `task` is enqueued: when it waited in a stream, that stream is what
    /// woke it, and unless the stream has ended, the waker handed it an element.
    func streamWaking(_ task: TaskRecord, by waker: TaskID) -> ResourceID? {
        guard let address = standardJobs.streams.waitingIn.removeValue(forKey: task.id),
              var entry = standardJobs.streams.byAddress[address], let object = entry.object else { return nil }
        let now = StandardStreams.snapshot(of: object)
        if let now, !now.finished {
            recorder.record(.queuePut, task: waker, resource: entry.resource, arg: Int64(now.buffered + 1), at: nowNanoseconds)
            entry.handedTo.append(task.id)
        }
        if let now { entry.last = now }
        standardJobs.streams.byAddress[address] = entry
        return entry.resource
    }

    /// After a step: what changed in each known stream's buffer is what the step's task did.
    func refreshStandardStreams(after task: TaskRecord?) {
        let actor = task?.id ?? .none
        let location = task.map(standardLocation(of:)) ?? .unknown
        // In the order the streams were seen, not the dictionary's (which differs between
        // processes): two streams changed in one step are recorded the same way every run.
        let known = standardJobs.streams.byAddress.sorted { $0.value.resource.rawValue < $1.value.resource.rawValue }
        for (address, entry) in known {
            guard let object = entry.object else {
                standardJobs.streams.byAddress[address] = nil
                continue
            }
            var updated = entry
            if let handed = updated.handedTo.firstIndex(of: actor) {
                updated.handedTo.remove(at: handed)
                recorder.record(.queueGot, task: actor, resource: entry.resource, arg: Int64(entry.last.buffered), at: nowNanoseconds)
            }
            guard let now = StandardStreams.snapshot(of: object) else { continue }
            var buffered = entry.last.buffered
            while buffered < now.buffered {
                buffered += 1
                recorder.record(.queuePut, task: actor, resource: entry.resource, arg: Int64(buffered), at: nowNanoseconds,
                                location: location)
            }
            while buffered > now.buffered {
                buffered -= 1
                recorder.record(.queueGot, task: actor, resource: entry.resource, arg: Int64(buffered), at: nowNanoseconds,
                                location: location)
            }
            updated.last = now
            standardJobs.streams.byAddress[address] = updated
        }
    }

    /// The resource of the stream whose storage is `object`, made the first time it is seen.
    private func streamResource(for object: AnyObject, at address: UInt, seenBy task: TaskID) -> ResourceID? {
        if let entry = standardJobs.streams.byAddress[address], entry.object === object { return entry.resource }
        guard let snapshot = StandardStreams.snapshot(of: object) else { return nil }
        let typeName = StandardStreams.typeName(of: object)
        let uses = standardJobs.streams.namesUsed[typeName, default: 0] + 1
        standardJobs.streams.namesUsed[typeName] = uses
        let name = uses == 1 ? typeName : "\(typeName)#\(uses)"
        let resource = recorder.createResource(
            name: name, kind: .queue, capacity: Int64(snapshot.capacity), by: task, at: nowNanoseconds)
        standardJobs.streams.byAddress[address] = .init(resource: resource, object: object, last: snapshot)
        return resource
    }
}

