import CLoopThread

/// The loop bound to the calling thread, if that thread is stepping one.
///
/// A thread-local rather than a task-local: a job can only ever run on the thread that is
/// stepping its loop. Kept in C (`CLoopThread`): a read is one load, where `pthread_getspecific`
/// and the one-time check of its key cost about 25 instructions, several times a task.
enum CurrentLoop {
    @inline(__always)
    static var loop: Loop? {
        guard let raw = interleave_bound_loop_get() else { return nil }
        return Unmanaged<Loop>.fromOpaque(raw).takeUnretainedValue()
    }

    /// The loop bound to this thread, not retained: for a caller that only borrows it across a
    /// call (the thread's binding outlives the job, and the job's task keeps nothing of it).
    @inline(__always)
    static var unretainedLoop: Unmanaged<Loop>? {
        interleave_bound_loop_get().map { Unmanaged<Loop>.fromOpaque($0) }
    }

    /// Whether this thread is stepping `loop` right now: one thread-local load and a pointer
    /// compare (no retain), cheap enough for every traced operation to check.
    @inline(__always)
    static func isBound(to loop: Loop) -> Bool {
        interleave_bound_loop_get() == Unmanaged.passUnretained(loop).toOpaque()
    }

    /// Binds `loop` to this thread and returns what was bound before, to restore later.
    static func bind(_ loop: Loop?) -> Loop? {
        let previous = self.loop
        interleave_bound_loop_set(loop.map { Unmanaged.passUnretained($0).toOpaque() })
        return previous
    }
}
