import Interleave
import InterleaveTrace
import Foundation

/// Drives work on a thread of its own, and creates tasks for it in the caller's context.
///
/// A loop is driven synchronously: `runUntilIdle` blocks its thread until the run is over, so
/// it must not be one of Swift's cooperative threads (a few of those blocked would starve every
/// other test). The awaiting task suspends on a continuation meanwhile.
///
/// A loop's main task must inherit the test's task-local values (which test runs, its issue
/// handlers), which a task created from a bare thread would not. So a helper task is created in
/// the caller's context, with this thread as its executor: `runInCaller` hands it a closure and
/// runs its jobs right here until the closure is done. Nothing waits for Swift's cooperative
/// pool while the work runs (a routing may be held then, and tests blocked waiting for it may
/// fill the pool).
final class LoopThread: Sendable {
    private let pump = ThreadPump()
    private let requests = Mailbox()

    private init() {}

    /// Runs `work` on a new thread and returns its result.
    static func run<R: Sendable>(
        name: String, _ work: @escaping @Sendable (LoopThread) throws -> R
    ) async throws -> R {
        let relay = LoopThread()
        // Created here, so it carries the caller's task locals; its jobs run on the thread.
        let helperDone = Locked(false)
        Task(executorPreference: relay.pump) {
            while let request = await relay.requests.next() {
                await request.body()
                request.done.withLock { $0 = true }
            }
            helperDone.withLock { $0 = true }
        }
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<R, any Error>, Never>) in
            let thread = Thread {
                let result = Result { try work(relay) }
                relay.requests.finish()
                relay.pump.run(until: { helperDone.withLock { $0 } })
                continuation.resume(returning: result)
            }
            thread.name = name
            thread.stackSize = 8 << 20
            thread.start()
        }
        return try result.get()
    }

    /// From the thread: runs `body` in the helper task (the caller's context), here, and
    /// returns when it is done.
    func runInCaller(_ body: @escaping () async -> Void) {
        let request = Request(body: body)
        requests.post(request)
        pump.run(until: { request.done.withLock { $0 } })
    }
}

/// A closure for the helper task to run, and whether it has.
private final class Request: @unchecked Sendable {
    // Unchecked: `body` is run once, by the helper task, while the thread that made it waits.
    let body: () async -> Void
    let done = Locked(false)
    init(body: @escaping () async -> Void) { self.body = body }
}

/// The helper task's requests; `next()` returns nil once finished.
private final class Mailbox: Sendable {
    private let state = PthreadLocked<(queue: [Request], finished: Bool, waiter: CheckedContinuation<Request?, Never>?)>(
        ([], false, nil))

    func post(_ request: Request) {
        let waiter = state.withLock { box -> CheckedContinuation<Request?, Never>? in
            guard let waiter = box.waiter else {
                box.queue.append(request)
                return nil
            }
            box.waiter = nil
            return waiter
        }
        waiter?.resume(returning: request)
    }

    func finish() {
        let waiter = state.withLock { box -> CheckedContinuation<Request?, Never>? in
            box.finished = true
            defer { box.waiter = nil }
            return box.waiter
        }
        waiter?.resume(returning: nil)
    }

    func next() async -> Request? {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { box -> Request?? in
                if !box.queue.isEmpty { return .some(box.queue.removeFirst()) }
                if box.finished { return .some(nil) }
                box.waiter = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}

/// A task executor whose jobs run on the thread that calls `run`, when it calls it.
private final class ThreadPump: TaskExecutor, @unchecked Sendable {
    // Unchecked: the jobs are only handed over through the lock, and run once.
    private let jobs = PthreadLocked<[UnownedJob]>([])
    private let arrived = DispatchSemaphore(value: 0)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        jobs.withLock { $0.append(job) }
        arrived.signal()
    }

    /// Runs jobs as they come until `isDone`.
    func run(until isDone: () -> Bool) {
        while !isDone() {
            arrived.wait()
            guard let job = jobs.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else { continue }
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

/// A value behind a lock, shareable between a thread and a task.
final class Locked<Value: Sendable>: Sendable {
    private let mutex: PthreadLocked<Value>
    init(_ value: Value) { mutex = PthreadLocked(value) }
    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R { try mutex.withLock { try body(&$0) } }
}
