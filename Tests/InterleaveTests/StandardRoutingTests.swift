import Foundation
import Synchronization
import Testing
@testable import Interleave
import InterleaveTrace

/// Routing unmodified Swift concurrency onto a loop: only while it lasts, one at a time, and
/// the same run every time.
@Suite(.serialized) struct StandardRoutingTests {
    /// After a run, the runtime's hook variables hold what they held before, and a detached task
    /// runs on Swift's global executor again, in real time. In a child process (an exit test),
    /// so that no other test's routing is active meanwhile.
    @Test func hooksAreRestoredAfterARun() async {
        await #expect(processExitsWith: .success) {
            let names = ["swift_task_enqueueGlobal_hook", "swift_task_enqueueMainExecutor_hook",
                         "swift_task_getMainExecutor_hook"]
            func hooks() -> [UInt] {
                names.map { dlsym(dlopen(nil, RTLD_NOW), $0)!.load(as: UInt.self) }
            }
            let before = hooks()
            let routed: Bool
            do {
                routed = try StandardConcurrency.withRouting {
                    try Loop(routesStandardJobs: true).run {
                        await Task.detached { Loop.current != nil }.value
                    }
                }
            } catch {
                exit(2)
            }
            // Off the loop, a sleep is a real one again: it takes at least its length of wall time.
            let after = await Task.detached { () -> (Bool, Duration) in
                let clock = ContinuousClock()
                let start = clock.now
                try? await Task.sleep(for: .milliseconds(20))
                return (Loop.current == nil, clock.now - start)
            }.value
            guard routed, hooks() == before, !StandardConcurrency.isRouting, after.0, after.1 >= .milliseconds(20) else {
                exit(1)
            }
        }
    }

    @Test func aNestedRunIsRefusedWithAClearError() throws {
        let inner = try StandardConcurrency.withSharedRouting {
            try Loop(routesStandardJobs: true).run { () -> String in
                do {
                    try StandardConcurrency.withRouting {}
                    return "allowed"
                } catch {
                    return "\(error)"
                }
            }
        }
        #expect(inner.contains("cannot nest or overlap"))
    }

    @Test func aConcurrentRunIsRefusedWithAClearError() {
        let refusal = Mutex<String?>(nil)
        StandardConcurrency.withSharedRouting {
            let done = DispatchSemaphore(value: 0)
            Thread {
                do { try StandardConcurrency.withRouting {} } catch { refusal.withLock { $0 = "\(error)" } }
                done.signal()
            }.start()
            done.wait()
        }
        #expect(refusal.withLock { $0 }?.contains("another Interleave run") == true)
    }

    /// The same program gives the same trace, event for event, a thousand times out of a
    /// thousand, but for a run that says a sleep's length was uncertain (the thread was held up
    /// past the widest window as it went to sleep: a loaded machine): those must be rare.
    @Test func runsAreDeterministic() throws {
        func traceOfOneRun() throws -> (events: [String], uncertain: Bool) {
            try StandardConcurrency.withSharedRouting {
                let loop = Loop(routesStandardJobs: true)
                try loop.run { try await fanOutAndBack() }
                let events = loop.store.events
                let uncertain = loop.uncertainSleeps > 0
                return ((0..<events.count).map { index in
                    let event = events[index]
                    return "\(event.kind) \(event.task.rawValue) \(event.time) \(event.arg)"
                }, uncertain)
            }
        }
        var first = try traceOfOneRun()
        while first.uncertain { first = try traceOfOneRun() }
        #expect(first.events.count > 20)
        var (identical, uncertain) = (1, 0)
        var firstDifference: String?
        for _ in 1..<1_000 {
            let run = try traceOfOneRun()
            if run.uncertain { uncertain += 1; continue }
            if run.events == first.events { identical += 1; continue }
            firstDifference = firstDifference ?? Self.difference(first.events, run.events)
        }
        #expect(identical + uncertain == 1_000, "\(firstDifference ?? "")")
        #expect(uncertain < 50)
    }

    /// The first event two traces disagree on, as both give it.
    static func difference(_ expected: [String], _ actual: [String]) -> String {
        guard let index = expected.indices.first(where: { $0 < actual.count && expected[$0] != actual[$0] }) else {
            return "\(expected.count) events, then \(actual.count)"
        }
        return "event \(index): \(expected[index]) then \(actual[index])"
    }
}

/// Groups, `async let`, a detached task, an actor, a continuation and sleeps, all standard.
private func fanOutAndBack() async throws {
    actor Tally {
        var total = 0
        func add(_ n: Int) async throws {
            let before = total
            try await Task.sleep(for: .milliseconds(10))
            total = before + n
        }
    }
    let tally = Tally()
    try await withThrowingTaskGroup(of: Void.self) { group in
        for n in 1...3 {
            group.addTask(name: "adder-\(n)") {
                try await Task.sleep(for: .milliseconds(100 * n))
                try await tally.add(n)
            }
        }
        try await group.waitForAll()
    }
    async let late: Void = Task.sleep(for: .milliseconds(50))
    let detached = Task.detached(name: "detached") { try await Task.sleep(for: .seconds(1)); return 7 }
    let resumed = await withCheckedContinuation { continuation in
        Task { continuation.resume(returning: 5) }
    }
    try await late
    _ = try await detached.value + resumed
}
