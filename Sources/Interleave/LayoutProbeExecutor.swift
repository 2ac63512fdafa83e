import Dispatch
import Foundation

/// An executor that keeps the jobs it is given, to be run by hand: the layout self-tests
/// (`LayoutSelfTest`, `StreamLayoutSelfTest`) put their probe tasks on it, on a thread of their
/// own, and run exactly the jobs they mean to.
final class LayoutProbeExecutor: TaskExecutor {
    let jobs = PthreadLocked<[UnownedJob]>([])

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        jobs.withLock { $0.append(job) }
    }

    /// The jobs enqueued so far, handed over.
    func take() -> [UnownedJob] { jobs.withLock { jobs in defer { jobs = [] }; return jobs } }

    /// Runs jobs until none is left.
    func runAll() {
        while case let taken = take(), !taken.isEmpty {
            for job in taken { job.runSynchronously(on: asUnownedTaskExecutor()) }
        }
    }
}

extension LayoutProbeExecutor {
    /// Runs `body` on a fresh thread and waits for its result: a self-test's probe tasks must not
    /// be created from inside a running job (the caller may be one), nor on a routing thread.
    static func onFreshThread<Result: Sendable>(_ body: @escaping @Sendable () -> Result) -> Result {
        let outcome = PthreadLocked<Result?>(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let result = body()
            outcome.withLock { $0 = result }
            done.signal()
        }
        thread.start()
        done.wait()
        return outcome.withLock { $0 }!
    }
}
