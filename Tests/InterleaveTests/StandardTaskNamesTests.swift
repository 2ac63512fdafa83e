import Testing
@testable import Interleave
import InterleaveTrace
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body` inside a routing of standard concurrency, waiting for another suite's routing
/// to end first (one routing per process; suites run in parallel).
func withExclusiveRouting<R>(_ body: () throws -> R) throws -> R {
    while true {
        do {
            return try StandardConcurrency.withRouting(body)
        } catch StandardConcurrency.RoutingError.alreadyRouting {
            sched_yield()
        }
    }
}

/// The trace's task names, in creation order.
func taskNames(_ loop: Loop) -> [String] { loop.store.tasks.snapshot().map(\.name) }

/// Names given with `Task(name:)` (SE-0469) and the ends of adopted standard tasks, read from
/// the tasks themselves (`RuntimeTaskLayout`).
@Suite struct StandardTaskNamesTests {
    @Test func theLayoutSelfTestPassesOnThisRuntime() throws {
        #expect(StandardTaskNames.unavailableReason == nil)
        let measured = try #require(RuntimeTaskLayout.measured)
        #if os(Linux) && arch(x86_64)
        #expect(measured.taskSize == RuntimeTaskLayout.expectedTaskSize)
        #endif
        #expect(StandardTaskWaits.isAvailable)
    }

    @Test func aNamedTaskIsReadBeforeItRuns() throws {
        let executor = HeldJobs()
        let task = Task(name: "reader", executorPreference: executor) { 7 }
        let address = JobIdentity.address(of: task)
        #expect(StandardTaskNames.name(ofTaskAt: address) == "reader")
        let unnamed = Task(executorPreference: executor) { 8 }
        #expect(StandardTaskNames.name(ofTaskAt: JobIdentity.address(of: unnamed)) == nil)
        executor.runAll()
    }

    @Test func namedStandardTasksShowUnderTheirNames() throws {
        let loop = try withExclusiveRouting {
            let loop = Loop(routesStandardJobs: true)
            try loop.run("main") {
                let detached = Task.detached(name: "detached-one") { try? await Task.sleep(for: .seconds(1)) }
                await withTaskGroup(of: Void.self) { group in
                    group.addTask(name: "child-a") { try? await Task.sleep(for: .seconds(2)) }
                    group.addTask(name: "child-b") {}
                }
                await detached.value
            }
            return loop
        }
        #expect(Set(taskNames(loop)).isSuperset(of: ["main", "detached-one", "child-a", "child-b"]))
    }

    @Test func adoptedTasksEndWhenTheyComplete() throws {
        let loop = try withExclusiveRouting {
            let loop = Loop(routesStandardJobs: true)
            try loop.run("main") {
                let quick = Task(name: "quick") { try? await Task.sleep(for: .seconds(1)) }
                await quick.value
                try? await Task.sleep(for: .seconds(4))
            }
            return loop
        }
        let ends = loop.store.events.snapshot().filter { $0.kind == .taskReturned }
        let quickEnd = try #require(ends.first { loop.store.taskName($0.task) == "quick" })
        #expect(quickEnd.time == 1_000_000_000, "ended when it completed, not when main did")
        #expect(loop.registry.openAdopted.isEmpty)
        #expect(loop.registry.addressCount == 0)
    }

    @Test func aGroupChildThatThrowsEndsFailedAndOneCancelledEndsCancelled() throws {
        struct Boom: Error {}
        let loop = try withExclusiveRouting {
            let loop = Loop(routesStandardJobs: true)
            try loop.run("main") {
                _ = try? await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask(name: "slow") { try await Task.sleep(for: .seconds(5)) }
                    group.addTask(name: "boom") {
                        try await Task.sleep(for: .seconds(1))
                        throw Boom()
                    }
                    // The first error escapes `next()`; leaving the group cancels the other child.
                    for try await _ in group {}
                }
            }
            return loop
        }
        let events = loop.store.events.snapshot()
        let failed = events.filter { $0.kind == .taskFailed }.map { loop.store.taskName($0.task) }
        let cancelled = events.filter { $0.kind == .taskCancelled }.map { loop.store.taskName($0.task) }
        #expect(failed == ["boom"])
        #expect(cancelled == ["slow"])
        #expect(loop.now == .seconds(1), "the slow child was cancelled at 1 s, its sleep with it")
        #expect(loop.registry.openAdopted.isEmpty)
    }

    @Test func manyShortTasksEachEndAndLeaveNothingBehind() throws {
        let loop = try withExclusiveRouting {
            let loop = Loop(routesStandardJobs: true)
            try loop.run("main") {
                for round in 0..<20 {
                    await Task(name: "t\(round)") { await Task.yield() }.value
                }
            }
            return loop
        }
        let ended = loop.store.events.snapshot().filter { $0.kind == .taskReturned }.map { loop.store.taskName($0.task) }
        #expect(ended.filter { $0.hasPrefix("t") }.count == 20)
        #expect(loop.registry.openAdopted.isEmpty)
        #expect(loop.registry.addressCount == 0)
    }

    @Test func aTaskWaitingOnAContinuationOrATaskSaysSo() throws {
        let executor = HeldJobs()
        let box = ContinuationHolder()
        let waiter = Task(executorPreference: executor) { await withUnsafeContinuation { box.continuation = $0 } }
        executor.runAll()
        #expect(StandardTaskWaits.dependency(ofTaskAt: JobIdentity.address(of: waiter)) == .continuation)
        box.continuation?.resume()
        executor.runAll()
        #expect(StandardTaskWaits.dependency(ofTaskAt: JobIdentity.address(of: waiter)) == nil)
    }
}

/// An executor that keeps its jobs until `runAll`.
final class HeldJobs: TaskExecutor, @unchecked Sendable {
    // Unchecked: used from the test's own thread only.
    var jobs: [UnownedJob] = []
    func enqueue(_ job: consuming ExecutorJob) { jobs.append(UnownedJob(job)) }
    func runAll() {
        while !jobs.isEmpty {
            let taken = jobs
            jobs = []
            for job in taken { job.runSynchronously(on: asUnownedTaskExecutor()) }
        }
    }
}

final class ContinuationHolder: @unchecked Sendable {
    // Unchecked: set and resumed on the test's own thread.
    var continuation: UnsafeContinuation<Void, Never>?
}
