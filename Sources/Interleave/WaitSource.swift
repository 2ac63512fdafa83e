import InterleaveTrace

/// Something a task can be parked on: a lock's queue, a timer, an event, another task…
///
/// The loop knows only this much about a wait, which is all it needs to abort one when the
/// task is cancelled or a fault is injected: the source forgets the waiter, the loop resumes it
/// with the error.
protocol WaitSource: AnyObject {
    /// Removes `task` from this source's waiters; it is being resumed with an error.
    func abandon(_ task: TaskRecord)
    /// The tasks that could end this wait (a lock's holder, an awaited task), for deadlock graphs.
    func blockers(of task: TaskRecord) -> [TaskRecord]
    /// The trace resource that stands for this source, if any.
    var traceResource: ResourceID { get }
}

extension WaitSource {
    func blockers(of task: TaskRecord) -> [TaskRecord] { [] }
}
