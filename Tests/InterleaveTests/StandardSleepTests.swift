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
