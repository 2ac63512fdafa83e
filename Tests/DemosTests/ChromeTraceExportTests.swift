import Demos
import Foundation
import Interleave
import InterleaveApp
import Testing

/// The Chrome trace export reads like the TUI and keeps the Trace Event Format's rules, so
/// that Perfetto and chrome://tracing open it as it was meant.
@Suite struct ChromeTraceExportTests {
    static func export(_ store: TraceStore) throws -> TraceEventFormatRules {
        var json = ""
        ChromeTraceExporter(store: store).write { json += $0 }
        return try TraceEventFormatRules(json: json)
    }

    static func gatherWithAFault() throws -> TraceEventFormatRules {
        let run = try DemoRun.run(of: "gather").run(injecting: [InjectionSpec(parsing: "fail task2 at 0.5s")])
        return try export(run.store)
    }

    static func names(_ events: [TraceEventFormatRules.Event]) -> [String] { events.compactMap { $0["name"] as? String } }

    @Test(arguments: Catalogue.all.map(\.name))
    func everyDemoKeepsTheFormatsRules(demo: String) throws {
        let trace = try Self.export(DemoRun(demo).store)
        #expect(trace.violations == [])
        let slices = trace.events(phase: "X")
        #expect(slices.allSatisfy { TraceEventFormatRules.number($0["dur"]) >= 1 }, "every slice at least 1 µs wide")
    }

    @Test func gatherWithAFaultShowsTheFailureTheFaultAndTheCaptions() throws {
        let trace = try Self.gatherWithAFault()
        #expect(trace.violations == [])
        let task2 = try #require(trace.thread(named: "task2"))
        let slices = trace.events(phase: "X", pid: 1, tid: task2)
        let failed = try #require(slices.first { $0["name"] as? String == "failed" })
        #expect((failed["args"] as? [String: Any])?["error"] as? String == "injected fault")
        #expect(TraceEventFormatRules.number(failed["ts"]) >= 500_000, "it failed at 0.5 s of virtual time")
        let instants = trace.events(phase: "i")
        #expect(Self.names(instants).contains("task2 failed: injected fault"))
        let fault = try #require(instants.first { $0["cat"] as? String == "fault" })
        #expect((fault["args"] as? [String: Any])?["fault"] as? String == "fail")
        let captions = instants.filter { $0["cat"] as? String == "caption" }
        #expect(Self.names(captions).contains("main starts task1 and task2 together and waits for both"))
        #expect(captions.allSatisfy { $0["s"] as? String == "g" }, "captions mark the whole trace")
        let prints = instants.filter { $0["cat"] as? String == "print" }
        #expect(prints.contains { ($0["args"] as? [String: Any])?["text"] as? String == "Task 2 started" })
    }

    @Test func aCancelledTaskEndsInACancelledSliceThatHoldsItsMarker() throws {
        let run = try DemoRun.run(of: "gather").run(injecting: [InjectionSpec(parsing: "cancel task2 at 0.5s")])
        let trace = try Self.export(run.store)
        #expect(trace.violations == [])
        let task2 = try #require(trace.thread(named: "task2"))
        let last = try #require(trace.events(phase: "X", pid: 1, tid: task2).max { Self.start($0) < Self.start($1) })
        #expect(last["name"] as? String == "cancelled")
        let marker = try #require(trace.events(phase: "i", pid: 1, tid: task2).first { $0["name"] as? String == "task2 cancelled" })
        #expect(marker["cat"] as? String == "cancellation")
        let at = Self.start(marker)
        #expect(Self.start(last) <= at && at < Self.start(last) + TraceEventFormatRules.number(last["dur"]), "inside the slice")
    }

    static func start(_ event: TraceEventFormatRules.Event) -> Double { TraceEventFormatRules.number(event["ts"]) }

    @Test func stateSlicesLastTheirVirtualDurations() throws {
        let trace = try Self.export(DemoRun("gather").store)
        let task1 = try #require(trace.thread(named: "task1"))
        let slices = trace.events(phase: "X", pid: 1, tid: task1)
        let sleep = try #require(slices.first { $0["name"] as? String == "sleeping" })
        // 2 s of virtual time, less the few microseconds the zero-length jobs before it were widened by.
        #expect(abs(TraceEventFormatRules.number(sleep["dur"]) - 2_000_000) < 10)
        #expect(Self.names(slices) == ["created", "running", "sleeping", "ready", "running", "done"])
        let main = try #require(trace.thread(named: "main"))
        #expect(Self.names(trace.events(phase: "X", pid: 1, tid: main)).contains("awaiting group gather(2)"))
    }

    @Test func wakeUpsAreFlowsFromTheWakerToTheWoken() throws {
        let trace = try Self.export(DemoRun("lock").store)
        let starts = trace.events(phase: "s"), finishes = trace.events(phase: "f")
        #expect(!starts.isEmpty && starts.count == finishes.count)
        let first = try #require(trace.thread(named: "coroutine1")), second = try #require(trace.thread(named: "coroutine2"))
        #expect(starts.contains { $0["tid"] as? Int == first } && finishes.contains { $0["tid"] as? Int == second },
                "coroutine1 releases the lock and wakes coroutine2")
        #expect(finishes.allSatisfy { $0["bp"] as? String == "e" })
    }

    @Test func aLockHasATrackOfHoldersAndWaiters() throws {
        let trace = try Self.export(DemoRun("lock").store)
        let lock = try #require(trace.thread(named: "lock", pid: 2))
        let holders = trace.events(phase: "X", pid: 2, tid: lock)
        #expect(Self.names(holders) == ["held by coroutine1", "held by coroutine2"])
        #expect(holders.allSatisfy { abs(TraceEventFormatRules.number($0["dur"]) - 2_000_000) < 10 }, "each holds it through its 2 s sleep")
        #expect(Self.names(trace.events(phase: "b", pid: 2, tid: lock)) == ["coroutine2 waits"])
        let slices = trace.events(phase: "X", pid: 1, tid: trace.thread(named: "coroutine2"))
        #expect(Self.names(slices).contains("waiting to acquire lock"))
    }

    @Test func semaphorePermitsAndQueueItemsAreCounters() throws {
        let semaphore = try Self.export(DemoRun("semaphore").store)
        let permits = semaphore.events(phase: "C").filter { ($0["name"] as? String)?.contains("download slots") == true }
        let inUse = permits.compactMap { ($0["args"] as? [String: Any])?["in use"] as? Int }
        #expect(inUse.max() == 3 && inUse.first == 0 && inUse.last == 0)
        let queue = try Self.export(DemoRun("queue").store)
        #expect(queue.events(phase: "C").contains { ($0["args"] as? [String: Any])?["items"] != nil })
    }

    @Test func theDeadlockIsMarkedEdgeByEdgeAndAsAWhole() throws {
        let trace = try Self.export(DemoRun("deadlock").store)
        #expect(trace.violations == [])
        let marks = trace.events(phase: "i").filter { $0["cat"] as? String == "deadlock" }
        let whole = try #require(marks.first { $0["s"] as? String == "g" })
        let name = whole["name"] as? String ?? ""
        #expect(name.contains("task1 waits for lock B held by task2") && name.contains("task2 waits for lock A held by task1"), "\(name)")
        #expect(name.contains("main waits for gather(2), which no task can end"))
        #expect(marks.filter { $0["s"] as? String == "t" }.count == 3, "an edge per waiting task, main's on the gather")
        let task1 = try #require(trace.thread(named: "task1"))
        #expect(Self.names(trace.events(phase: "X", pid: 1, tid: task1)).contains("waiting to acquire lock B"))
    }

    @Test func theRunsFactsAreMetadata() throws {
        let trace = try Self.gatherWithAFault()
        let other = try #require(trace.root["otherData"] as? [String: Any])
        #expect(other["demo"] as? String == "gather" && other["schedule"] as? String == "fifo")
        #expect(other["seed"] is String)
        let labels = trace.events(phase: "M").first { $0["name"] as? String == "process_labels" }
        #expect(((labels?["args"] as? [String: Any])?["labels"] as? String)?.contains("demo gather") == true)
        #expect(trace.thread(named: "task2") != nil && trace.thread(named: "main") != nil)
    }
}
