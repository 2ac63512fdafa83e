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

/// A job's address as a dictionary key, with a hash of a few instructions.
///
/// The registry looks a task up by its jobs' address on every step, and adds and removes one per
/// task: with `UInt`'s SipHash that was seven hashes of ~95 instructions a task, 4 % of a
/// spawn (callgrind). Addresses come from the allocator, not from input anyone controls, so the
/// flooding resistance SipHash buys is not needed; spreading the bits is. `_rawHashValue(seed:)` is
/// `Hashable`'s own requirement for this, the one the standard library's types implement.
struct JobAddress: Hashable {
    let raw: UInt

    init(_ raw: UInt) { self.raw = raw }

    func hash(into hasher: inout Hasher) { hasher.combine(raw) }

    func _rawHashValue(seed: Int) -> Int {
        // Fibonacci hashing: the product's high half mixes every bit of the address, and folding
        // it down gives the low bits (the ones a dictionary's buckets use) all of them.
        let product = raw &* 0x9E37_79B9_7F4A_7C15
        return Int(bitPattern: product ^ (product >> 29)) ^ seed
    }
}
