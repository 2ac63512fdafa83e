import Foundation
import Testing
@testable import Interleave
import InterleaveTrace

/// Plain `Task.sleep` and clock sleeps on the loop take virtual time, exactly.
@Suite(.serialized) struct StandardSleepTests {
    @Test func taskSleepTakesExactVirtualTime() throws {
        let started = Date()
        let elapsed = try StandardConcurrency.withSharedRouting {
            let loop = Loop(routesStandardJobs: true)
            return try loop.run {
                try await Task.sleep(for: .seconds(2))
                try await ContinuousClock().sleep(for: .milliseconds(1500))
                try await Task.sleep(nanoseconds: 250_000_000)
                return loop.now
            }
        }
        #expect(elapsed == .milliseconds(3750))
        #expect(Date().timeIntervalSince(started) < 1.5)
    }

    @Test func detachedAndUnstructuredTasksRunOnTheLoopInVirtualTime() throws {
        let (now, onLoop) = try StandardConcurrency.withSharedRouting {
            let loop = Loop(routesStandardJobs: true)
            return try loop.run {
                let a = Task.detached(name: "a") { () -> Bool in
                    try? await Task.sleep(for: .seconds(2))
                    return Loop.current != nil
                }
                let b = Task(name: "b") { () -> Bool in
                    try? await Task.sleep(for: .seconds(1))
                    return Loop.current != nil
                }
                let both = await (a.value, b.value)
                return (loop.now, both.0 && both.1)
            }
        }
        #expect(now == .seconds(2))
        #expect(onLoop)
    }

    /// The clock read, then the thread held up past the widest window before the sleep (as a
    /// loaded machine may do between `Task.sleep`'s read and its enqueue): the sleep's length
    /// has two readings, and the run says so rather than pass one off as certain.
    @Test func aSleepAfterALongHoldUpIsTakenWithALint() throws {
        let (slept, lints, uncertainSleeps) = try StandardConcurrency.withSharedRouting {
            let loop = Loop(routesStandardJobs: true)
            let slept = try loop.run {
                let clock = ContinuousClock()
                let read = clock.now
                // Busy, not asleep: the hold-up is the thread's, as a preemption would be.
                while clock.now - read < .milliseconds(15) {}
                try await Task.sleep(until: read + .milliseconds(100), clock: .continuous)
                return loop.now
            }
            return (slept, Transcript.lints(loop.store), loop.uncertainSleeps)
        }
        #expect(slept < .milliseconds(100))
        #expect(uncertainSleeps == 1)
        let uncertain = lints.filter { $0.contains("so the sleep's length, read from the wall clock, is uncertain") }
        #expect(uncertain.count == 1, "\(lints)")
        #expect(uncertain.first?.hasSuffix("it may have been 0.100s") == true, "\(lints)")
    }
}

@MainActor final class MainActorProbe {
    nonisolated init() {}
    var hits = 0
    func hit() { hits += 1 }
}

extension StandardSleepTests {
    @Test func mainActorHopsRunOnTheLoop() throws {
        let hits = try StandardConcurrency.withSharedRouting {
            let loop = Loop(routesStandardJobs: true)
            return try loop.run {
                let probe = MainActorProbe()
                await probe.hit()
                try await Task.sleep(for: .seconds(1))
                await MainActor.run { probe.hit() }
                return await probe.hits
            }
        }
        #expect(hits == 2)
    }
}
