import Foundation

/// A value behind a pthread mutex (`NSLock`), for state that threads really contend for.
///
/// `Synchronization.Mutex` on Linux parks on a raw futex, which ThreadSanitizer cannot see:
/// under contention (tests routing loops in parallel) it reports the accesses it protects as
/// races. A pthread mutex is intercepted, so TSan sees the lock for what it is.
/// ```swift
/// let counts = PthreadLocked([String: Int]())
/// counts.withLock { $0["a", default: 0] += 1 }
/// ```
// Unchecked: every access to `value` goes through `withLock`, under `lock`.
package final class PthreadLocked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    package init(_ value: Value) { self.value = value }

    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
