import DequeModule
import Foundation

/// What Swift itself allows for spawn-heavy work: `spawn_gather` and `event` written directly on
/// Swift concurrency, with no Interleave bookkeeping (no records, names, trace, world state or
/// virtual clock), on the smallest executor that can run them. `interleave bench` prints these as
/// `swift-raw` rows, so that Interleave's figures read as a ratio to the floor they stand on.
///
/// ```swift
/// SwiftRawFloor.spawnGather(100_000)   // seconds for 100,000 tasks that each yield once
/// ```
enum SwiftRawFloor {
    /// One timed run (seconds) of the floor of a peer workload it has, else nil.
    static func run(for workload: PeerWorkloads.Workload) -> (() -> Double)? {
        switch workload.name {
        case "spawn_gather": { spawnGather(workload.ops) }
        case "event": { event(waiters: workload.ops) }
        default: nil
        }
    }

    /// N tasks, each yielding once, then awaited one by one (asyncio's gather of N).
    static func spawnGather(_ count: Int) -> Double {
        let executor = MinimalExecutor()
        return executor.time {
            var tasks: [Task<Void, Never>] = []
            tasks.reserveCapacity(count)
            for _ in 0..<count {
                tasks.append(Task(executorPreference: executor) { await Task.yield() })
            }
            for task in tasks { await task.value }
        }
    }

    /// N tasks wait on one event (a list of continuations); it is set once; all wake and are awaited.
    static func event(waiters count: Int) -> Double {
        let executor = MinimalExecutor()
        let event = SingleThreadEvent(executor: executor)
        let woke = SingleThreadCount(executor: executor)
        let seconds = executor.time {
            var tasks: [Task<Void, Never>] = []
            tasks.reserveCapacity(count)
            for _ in 0..<count {
                tasks.append(Task(executorPreference: executor) {
                    await event.wait()
                    woke.add()
                })
            }
            await Task.yield()
            event.set()
            for task in tasks { await task.value }
        }
        precondition(woke.value == count, "swift-raw event missed a waiter")
        return seconds
    }
}

/// A task executor that is a queue of jobs, run on the thread that made it: the least a task
/// needs in order to run. Every job must be enqueued and run on that thread, which is checked.
final class MinimalExecutor: TaskExecutor, @unchecked Sendable {
    // Unchecked: one thread (checked below) and no reentrant access; the runtime's exclusivity
    // check cost the floor 80 instructions a job, more than the queue itself.
    @exclusivity(unchecked) private var ready = Deque<UnownedJob>()
    private let owner = pthread_self()

    func enqueue(_ job: consuming ExecutorJob) {
        checkThread()
        ready.append(UnownedJob(job))
    }

    /// Wall seconds from starting `body` as a task on this executor to the last job it led to.
    func time(_ body: @escaping @Sendable () async -> Void) -> Double {
        checkThread()
        let start = ContinuousClock.now
        _ = Task(executorPreference: self, operation: body)
        while let job = ready.popFirst() {
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
        return (ContinuousClock.now - start).seconds
    }

    /// Its own thread only: the queue has no lock, and the workloads' shared state has none.
    func checkThread() {
        precondition(pthread_equal(pthread_self(), owner) != 0, "MinimalExecutor used from a thread other than its own")
    }
}

/// asyncio's `Event` at its simplest: waiters' continuations, resumed once when it is set.
/// Touched only by jobs of its executor (checked), so it needs no lock.
final class SingleThreadEvent: @unchecked Sendable {
    private let executor: MinimalExecutor
    @exclusivity(unchecked) private var isSet = false
    @exclusivity(unchecked) private var waiters: [UnsafeContinuation<Void, Never>] = []

    init(executor: MinimalExecutor) { self.executor = executor }

    func wait() async {
        executor.checkThread()
        if isSet { return }
        await withUnsafeContinuation { waiters.append($0) }
    }

    func set() {
        executor.checkThread()
        isSet = true
        for waiter in waiters { waiter.resume() }
        waiters = []
    }
}

/// A count kept by the jobs of one executor (checked).
final class SingleThreadCount: @unchecked Sendable {
    private let executor: MinimalExecutor
    @exclusivity(unchecked) private(set) var value = 0

    init(executor: MinimalExecutor) { self.executor = executor }

    func add() {
        executor.checkThread()
        value += 1
    }
}
