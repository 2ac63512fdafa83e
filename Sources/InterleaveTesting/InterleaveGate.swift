import Interleave
import Synchronization

/// One Interleave run of standard Swift concurrency at a time in this process.
///
/// Routing Swift's executors onto a loop is process-wide (`StandardConcurrency.withRouting`
/// refuses a second routing while one is active), but Swift Testing runs tests in parallel.
/// Every `withInterleave`, `exploreInterleaved` and `.interleaved` test waits here for its turn,
/// first come first served, so such tests never fail because of each other: they run one after
/// another while the rest of the suite runs in parallel around them. A routing made directly
/// (`StandardConcurrency.withRouting`, `visualize`) does not queue here; a run that meets one
/// waits for it to end on its own thread (`withRouting(waitingForOtherRoutings: true)`).
final class InterleaveGate: Sendable {
    static let shared = InterleaveGate()

    private let state = Mutex<(held: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

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
