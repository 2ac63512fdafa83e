import Interleave
import InterleaveTrace

/// One Interleave run of standard Swift concurrency at a time in this process.
///
/// Runs on different threads would not mix (each routing loop takes only the jobs started on
/// its own thread), but each holds a thread of its own for as long as it lasts, and an explore
/// can last a while: every `withInterleave`, `exploreInterleaved` and `.interleaved` test waits
/// here for its turn, first come first served, and they run one after another while the rest of
/// the suite runs in parallel around them.
final class InterleaveGate: Sendable {
    static let shared = InterleaveGate()

    private let state = PthreadLocked<(held: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    /// Runs `body` once every run queued before it has finished.
    func withTurn<R>(_ body: () async throws -> R) async rethrows -> R {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let acquired = state.withLock { state -> Bool in
                guard state.held else {
                    state.held = true
                    return true
                }
                state.waiters.append(continuation)
                return false
            }
            if acquired { continuation.resume() }
        }
    }

    /// Hands the turn to the first waiter, if any (it stays held), else frees it.
    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiters.isEmpty else {
                state.held = false
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume()
    }
}
