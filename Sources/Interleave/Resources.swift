import InterleaveTrace

extension TaskRecord: Equatable {
    @usableFromInline static func == (lhs: TaskRecord, rhs: TaskRecord) -> Bool { lhs === rhs }
}

extension Loop {
    /// Registers a traced resource created by the current task (or from outside the loop).
    func createResource(_ name: String, kind: ResourceKind, capacity: Int64 = 0,
                        file: StaticString, line: UInt) -> ResourceID {
        // A primitive made outside the loop (set up before a run) is made by its driver for now.
        guard isOnLoopThread else {
            return onLoopThreadOrClaimed("creating a primitive") {
                createResource(name, kind: kind, capacity: capacity, file: file, line: line)
            }
        }
        return recorder.createResource(name: name, kind: kind, capacity: capacity, by: current?.id ?? .none,
                                at: nowNanoseconds, location: recorder.location(file, line))
    }

    /// Records a resource operation by the current task.
    @inline(__always)
    func note(_ kind: EventKind, by task: TaskRecord, on resource: ResourceID, arg: Int64 = 0,
              file: StaticString, line: UInt) {
        guard recorder.isEnabled else { return }
        recorder.record(kind, task: task.id, resource: resource, arg: arg, at: nowNanoseconds,
                        location: recorder.location(file, line))
    }

    /// Records an operation done on behalf of a woken waiter (a hand-off): it keeps its own line.
    @inline(__always)
    func noteHandOff(_ kind: EventKind, to task: TaskRecord, on resource: ResourceID, arg: Int64 = 0) {
        guard recorder.isEnabled else { return }
        recorder.record(kind, task: task.id, resource: resource, arg: arg, at: nowNanoseconds)
    }

    /// Records that the current task starts waiting on a resource.
    @inline(__always)
    func noteWait(_ task: TaskRecord, on resource: ResourceID, _ reason: WaitReason,
                  file: StaticString, line: UInt) {
        guard recorder.isEnabled else { return }
        recorder.record(.taskWaiting, task: task.id, resource: resource, arg: TraceEvent.waitArg(reason),
                        at: nowNanoseconds, location: recorder.location(file, line))
    }

    /// The loop to bind a new primitive to: the one given, or the one running this code.
    static func forPrimitive(_ loop: Loop?, _ what: String) -> Loop {
        guard let loop = loop ?? Loop.current else {
            preconditionFailure("\(what) needs a loop: create it inside a loop task or pass `on: loop`")
        }
        return loop
    }
}
