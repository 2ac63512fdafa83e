import Testing
@testable import Interleave
import InterleaveTrace

/// Standard tasks' events carry the line they stand at, when the loop looks them up.
/// (Symbolicating in this large test binary takes seconds per distinct stack: one test, few sites.)
@Suite struct StandardCallSiteTests {
    @Test func sleepsWaitsAndPrintsCarryTheProgramsLine() throws {
        guard StandardStreams.layout != nil else { return }
        let loop = Loop(routesStandardJobs: true)
        loop.locatesStandardTasks = true
        let lines = PthreadLocked<[String: Int]>([:])
        _ = try loop.run {
            let (numbers, continuation) = AsyncStream.makeStream(of: Int.self)
            let consumer = Task(name: "consumer") {
                lines.withLock { $0["wait"] = #line + 1 }
                for await _ in numbers {}
            }
            let producer = Task(name: "producer") {
                lines.withLock { $0["sleep"] = #line + 1 }
                try? await Task.sleep(for: .milliseconds(10))
                continuation.yield(1)
                continuation.finish()
            }
            await producer.value
            await consumer.value
        }
        let store = loop.store
        let events = store.events.snapshot()
        func line(of kind: EventKind, by name: String) -> InterleaveTrace.SourceLocation? {
            events.first { $0.kind == kind && store.taskName($0.task) == name && $0.location != .unknown }
                .map { store.location($0.location) }
        }
        let expected = lines.withLock { $0 }
        #expect(line(of: .taskSleeping, by: "producer")?.line == expected["sleep"])
        #expect(line(of: .taskSleeping, by: "producer")?.fileID.hasSuffix("/StandardCallSiteTests.swift") == true)
        #expect(line(of: .taskWaiting, by: "consumer")?.line == expected["wait"])
        #expect(StandardCallSite.asyncFramesVerified)
    }

    @Test func withoutLookingThemUpEventsCarryNoLine() throws {
        let loop = Loop(routesStandardJobs: true)
        loop.locatesStandardTasks = false
        _ = try loop.run {
            try await Task(name: "sleeper") { try await Task.sleep(for: .milliseconds(10)) }.value
        }
        let sleeps = loop.store.events.snapshot().filter { $0.kind == .taskSleeping }
        #expect(!sleeps.isEmpty)
        #expect(sleeps.allSatisfy { $0.location == .unknown })
    }
}
