import Foundation
import Interleave
import InterleaveApp
import InterleaveTrace
import Testing

/// The one pipeline: a fresh loop, its header, the workload, a run to idle with injections,
/// an optional trace file, a report, the loop closed.
@Suite struct HeadlessRunTests {
    /// Two workers that each sleep one second twice, then print.
    static let workers = HeadlessRun(seed: 9) { loop in
        for name in ["w1", "w2"] {
            loop.spawn(name) {
                try await sleep(for: .seconds(1))
                try await sleep(for: .seconds(1))
                print("\(name) done")
            }
        }
    }

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("headless-run-\(UUID().uuidString).itrace").path
    }

    @Test func aRunGoesToTheEndInVirtualTimeAndWritesTheHeader() {
        let outcome = Self.workers.run()
        #expect(outcome.virtualNanoseconds == 2_000_000_000)
        #expect(outcome.store.header.seed == 9)
        let world = TraceCursor(store: outcome.store).world(atEnd: true)
        #expect(world.tasks.count == 2 && world.liveTaskCount == 0)
    }

    @Test func anInjectionLandsAtItsVirtualTimeInTheNewestTaskOfItsName() throws {
        let specs = [try InjectionSpec(parsing: "cancel w2 at 1.5s"), try InjectionSpec(parsing: "fail w1 at 0.5s")]
        let outcome = try Self.workers.run(injecting: specs)
        let faults = outcome.store.events.snapshot().filter { $0.kind == .faultInjected }
        #expect(faults.map(\.time) == [500_000_000, 1_500_000_000], "applied in time order, whatever the order given")
        #expect(faults.map { outcome.store.taskName($0.task) } == ["w1", "w2"])
        let report = try Self.workers.plainReport(injecting: specs)
        #expect(!report.contains("w1 done") && !report.contains("w2 done"))
    }

    @Test func anInjectionThatFindsNoTaskIsAnErrorNamingIt() throws {
        #expect(throws: InjectionError(message: "no running task named 'nobody' at 1.0 seconds")) {
            try Self.workers.run(injecting: [InjectionSpec(parsing: "fail nobody at 1s")])
        }
        // A task that has already ended cannot be hit either.
        #expect(throws: InjectionError.self) {
            try Self.workers.run(injecting: [InjectionSpec(parsing: "fail w1 at 3s")])
        }
    }

    @Test func aRecordedRunReadsBackAsTheSameTrace() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let outcome = try Self.workers.run(injecting: [], recordingTo: path)
        let loaded = try TraceDecoder.decodeFile(atPath: path)
        #expect(loaded.store.events.snapshot() == outcome.store.events.snapshot())
        #expect(loaded.store.header.seed == 9)
    }

    @Test func aFailedInjectionLeavesNoFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("headless-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("run.itrace").path
        #expect(throws: InjectionError.self) {
            try Self.workers.run(injecting: [InjectionSpec(parsing: "fail nobody at 1s")], recordingTo: path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "neither the path nor a temporary file")
    }

    @Test func anUnwritablePathFailsBeforeAnythingRuns() {
        let started = Flag()
        let run = HeadlessRun { _ in started.set() }
        #expect(throws: (any Error).self) { try run.run(injecting: [], recordingTo: "/nonexistent-folder/x.itrace") }
        #expect(!started.isSet)
    }

    @Test func makeLoopStartsTheWorkloadWithoutRunningItAndSchedulesFaults() throws {
        let run = HeadlessRun(seed: 3, terminalSize: (columns: 100, rows: 30)) { loop in
            loop.spawn("sleeper") { try await sleep(for: .seconds(2)) }
        }
        let loop = run.makeLoop(policy: .random(seed: 5), scheduling: [try InjectionSpec(parsing: "cancel sleeper at 1s")])
        defer { loop.close() }
        #expect(!loop.store.events.snapshot().contains { $0.kind == .taskResumed }, "spawned, not run")
        #expect(loop.store.header.seed == 3 && loop.store.header.schedule == "random")
        #expect(loop.store.header.terminalColumns == 100 && loop.store.header.terminalRows == 30)
        loop.runUntilIdle()
        let world = TraceCursor(store: loop.store).world(atEnd: true)
        #expect(world.cancelledTasks == 1)
        #expect(loop.nowInNanoseconds == 1_000_000_000)
    }

    @Test func anUntracedRunRecordsNothing() {
        var run = Self.workers
        run.tracing = false
        let outcome = run.run()
        #expect(!outcome.store.events.snapshot().contains { $0.kind == .taskResumed }, "no job recorded")
        #expect(outcome.virtualNanoseconds == 2_000_000_000)
    }
}

/// Set once from the loop thread, read after the run.
final class Flag: @unchecked Sendable {
    private(set) var isSet = false
    func set() { isSet = true }
}

extension TraceCursor {
    /// The world after the whole trace.
    func world(atEnd: Bool) -> WorldState {
        _ = catchUp()
        return world
    }
}
