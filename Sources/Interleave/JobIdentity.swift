/// How the loop knows which task a job runs: the one place that relies on a fact of Swift's
/// runtime layout.
///
/// A Swift task is itself the job that starts it, and the job that resumes it after each
/// suspension, so the address of a task's jobs is the task's address (`swift_task_create`
/// returns the task as its first job; `swift_continuation_resume` enqueues the task again).
/// The loop keys its records by that address. Should a Swift release change it, spawned tasks'
/// jobs would no longer be found by address; the loop then falls back to asking the running
/// task (`withUnsafeCurrentTask`) on first use and adopting it as an untracked task, with a
/// lint saying so, and `JobIdentityTests` fails loudly.
/// ```swift
/// let task = Task(executorPreference: loop) { … }
/// JobIdentity.address(of: task)   // the address `JobIdentity.address(of: job)` gives its jobs
/// ```
enum JobIdentity {
    /// The address `task`'s jobs will have.
    @inline(__always)
    static func address<Success, Failure>(of task: Task<Success, Failure>) -> UInt {
        UInt(bitPattern: unsafeBitCast(task, to: Int.self))
    }

    /// The address of a job: its task's, when the job is a task's.
    @inline(__always)
    static func address(of job: UnownedJob) -> UInt {
        UInt(bitPattern: unsafeBitCast(job, to: Int.self))
    }

    /// The address of the task running the current code, or 0 outside a task.
    static func currentTaskAddress() -> UInt {
        withUnsafeCurrentTask { task in task.map { UInt(bitPattern: unsafeBitCast($0, to: Int.self)) } } ?? 0
    }
}
