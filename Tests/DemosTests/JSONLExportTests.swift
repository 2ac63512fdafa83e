import Demos
import Foundation
import Interleave
import InterleaveApp
import Testing

/// The JSONL export follows docs/jsonl-schema.md: a header, one object per event, a field per
/// meaning, and no sentinel numbers where a small id or "none" is meant.
@Suite struct JSONLExportTests {
    typealias Line = [String: Any]

    static func export(_ store: TraceStore) throws -> [Line] {
        var lines: [String] = []
        JSONLExporter(store: store).write { lines.append($0) }
        #expect(lines.allSatisfy { !$0.contains("\n") }, "one line per object")
        return try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? Line) }
    }

    /// Fields that hold virtual nanoseconds, the only numbers that may be large.
    static func isTime(_ key: String) -> Bool { key == "t" || key.hasSuffix("_ns") }

    /// Every number of a line that is not a time, and at least 2^32: a leaked sentinel.
    static func sentinels(in line: Line) -> [String] {
        line.compactMap { key, value in
            guard !isTime(key), let number = value as? NSNumber, !(value is Bool) else { return nil }
            return number.doubleValue >= 4_294_967_296 || number.doubleValue == 4_294_967_295 ? "\(key)=\(number)" : nil
        }
    }

    @Test func gatherWithAFaultHasItsCaptionsErrorsAndFaultByName() throws {
        let run = try DemoRun.run(of: "gather").run(injecting: [InjectionSpec(parsing: "fail task2 at 0.5s")])
        let lines = try Self.export(run.store)
        let header = try #require(lines.first)
        #expect(header["schema"] as? String == "interleave-jsonl" && header["version"] as? Int == JSONLExporter.version)
        #expect(header["demo"] as? String == "gather" && header["schedule"] as? String == "fifo" && header["seed"] is String)
        let events = lines.dropFirst()
        #expect(events.count == run.store.events.count)
        #expect(events.compactMap { $0["index"] as? Int } == Array(0..<events.count))
        let captions = events.filter { $0["kind"] as? String == "caption" }.compactMap { $0["caption"] as? String }
        #expect(captions.first == "main starts task1 and task2 together and waits for both")
        let failed = try #require(events.first { $0["kind"] as? String == "taskFailed" })
        #expect(failed["task"] as? String == "task2" && failed["error"] as? String == "injected fault")
        #expect(failed["state"] as? String == "failed" && failed["t"] as? Int == 500_000_000)
        let fault = try #require(events.first { $0["kind"] as? String == "faultInjected" })
        #expect(fault["fault"] as? String == "fail")
        let printed = events.filter { $0["kind"] as? String == "output" }.compactMap { $0["text"] as? String }
        #expect(printed.contains("Task 2 started") && !printed.contains("Task 2 completed"))
        #expect(lines.flatMap(Self.sentinels) == [])
    }

    @Test(arguments: Catalogue.all.map(\.name))
    func noDemoLeaksASentinel(demo: String) throws {
        let lines = try Self.export(DemoRun(demo).store)
        #expect(lines.flatMap(Self.sentinels) == [])
        // A woken task's waker, a root task's parent: absent when there is none, never "-".
        #expect(lines.allSatisfy { line in line.values.allSatisfy { $0 as? String != "-" } })
    }

    @Test func aDeadlockNamesTheResourceAndItsHolder() throws {
        let lines = try Self.export(DemoRun("deadlock").store)
        let edges = lines.filter { $0["kind"] as? String == "deadlock" }
        let locks = edges.filter { $0["resource_kind"] as? String == "lock" }
        #expect(locks.count == 2 && locks.allSatisfy { $0["held_by"] is String && $0["held_by_id"] is Int })
        // main waits on the gather, which no task holds: the field is absent, not a sentinel.
        let gather = try #require(edges.first { $0["resource_kind"] as? String == "group" })
        #expect(gather["task"] as? String == "main" && gather["held_by"] == nil && gather["held_by_id"] == nil)
        let waits = lines.filter { $0["kind"] as? String == "taskWaiting" }
        #expect(waits.contains { $0["reason"] as? String == "acquire" && $0["resource"] as? String == "lock B" })
    }
}
