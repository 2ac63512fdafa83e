import Foundation
import Testing

/// `record`, then `export --format chrome|jsonl`, as a user runs them: what leaves the program
/// tells the whole story (issue 15's acceptance for these two formats).
@Suite(.enabled(if: CLIBinary.isBuilt, "needs the interleave binary"))
struct ChromeAndJSONLExportTests {
    /// Records the demo to a temporary file and exports it; returns the export's text.
    static func export(_ demo: String, inject: String? = nil, format: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(demo)-\(UUID()).itrace").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let record = try CLIBinary.run(["record", demo, "-o", path] + (inject.map { ["--inject", $0] } ?? []))
        #expect(record.status == 0, "\(record.err)")
        let export = try CLIBinary.run(["export", path, "--format", format])
        #expect(export.status == 0 && export.err.isEmpty, "\(export.err)")
        return export.out
    }

    static func events(_ chrome: String) throws -> [[String: Any]] {
        let root = try JSONSerialization.jsonObject(with: Data(chrome.utf8)) as? [String: Any]
        return try #require(root?["traceEvents"] as? [[String: Any]])
    }

    @Test func chromeOnGatherWithAFaultHasTask2sFailureAndTheCaptions() throws {
        let events = try Self.events(Self.export("gather", inject: "fail task2 at 0.5s", format: "chrome"))
        let task2 = try #require(events.first {
            $0["name"] as? String == "thread_name" && ($0["args"] as? [String: Any])?["name"] as? String == "task2"
        }?["tid"] as? Int)
        #expect(events.contains { $0["ph"] as? String == "X" && $0["tid"] as? Int == task2 && $0["name"] as? String == "failed" })
        #expect(events.contains { $0["ph"] as? String == "i" && $0["name"] as? String == "task2 failed: injected fault" })
        #expect(events.contains { $0["cat"] as? String == "caption" && $0["name"] as? String == "main starts task1 and task2 together and waits for both" })
    }

    @Test func chromeOnTheDeadlockMarksIt() throws {
        let events = try Self.events(Self.export("deadlock", format: "chrome"))
        let marks = events.filter { $0["cat"] as? String == "deadlock" }.compactMap { $0["name"] as? String }
        #expect(marks.contains("DEADLOCK: task1 waits for lock B held by task2"))
        #expect(marks.contains { $0.hasPrefix("DEADLOCK: ") && $0.contains("; ") }, "the cycle as a whole")
    }

    @Test(arguments: [("gather", "fail task2 at 0.5s"), ("deadlock", nil)] as [(String, String?)])
    func jsonlHasCaptionTextAndNoSentinels(demo: String, inject: String?) throws {
        let text = try Self.export(demo, inject: inject, format: "jsonl")
        let lines = try text.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(lines.first?["schema"] as? String == "interleave-jsonl")
        #expect(lines.contains { $0["kind"] as? String == "caption" && !(($0["caption"] as? String) ?? "").isEmpty })
        let large = lines.flatMap { line in
            line.filter { key, value in
                key != "t" && !key.hasSuffix("_ns") && ((value as? NSNumber)?.doubleValue ?? 0) >= 4_294_967_295
            }.keys
        }
        #expect(large.isEmpty, "no sentinel where a small id or none is meant: \(large)")
    }
}
