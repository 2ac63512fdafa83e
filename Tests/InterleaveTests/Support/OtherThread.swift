import Foundation

/// Runs `body` on a new thread and returns once it has finished: a call made off the loop,
/// with the join giving the test thread a happens-before edge to everything it did.
func onAnotherThread(_ body: @escaping @Sendable () -> Void) {
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        body()
        done.signal()
    }
    thread.start()
    done.wait()
}

/// Blocks the calling thread until `semaphore` is signalled: a job that holds its loop's
/// thread so that the test can act while it is mid-step. A plain function, as waiting on a
/// semaphore is not allowed directly in async code.
func blockThread(until semaphore: DispatchSemaphore) {
    semaphore.wait()
}
