#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The loop bound to the calling thread, if that thread is stepping one.
///
/// A thread-local rather than a task-local: it costs a few nanoseconds on the hot path, and a
/// job can only ever run on the thread that is stepping its loop.
enum CurrentLoop {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    @inline(__always)
    static var loop: Loop? {
        guard let raw = pthread_getspecific(key) else { return nil }
        return Unmanaged<Loop>.fromOpaque(raw).takeUnretainedValue()
    }

    /// Whether this thread is stepping `loop` right now: one thread-local load and a pointer
    /// compare (no retain), cheap enough for every traced operation to check.
    @inline(__always)
    static func isBound(to loop: Loop) -> Bool {
        let bound: UnsafeMutableRawPointer? = pthread_getspecific(key)
        return bound == Unmanaged.passUnretained(loop).toOpaque()
    }

    /// Binds `loop` to this thread and returns what was bound before, to restore later.
    static func bind(_ loop: Loop?) -> Loop? {
        let previous = self.loop
        pthread_setspecific(key, loop.map { Unmanaged.passUnretained($0).toOpaque() })
        return previous
    }
}
