import Foundation
import Interleave
import Testing

/// Text from a trace is untrusted: in the Chrome and JSONL exports every name, caption and
/// printed line is a JSON string escape, so no control byte leaves raw and each reads back as
/// it was.
@Suite struct ExportHostileTextTests {
    static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J\"\\\u{9B}\n"

    static func hostileStore() -> TraceStore {
        let loop = Loop()
        var header = loop.store.header
        header.demoName = "demo" + hostile
        loop.store.header = header
        loop.spawn("main" + hostile) {
            let lock = Lock("lock" + hostile)
            let worker = spawn("task" + hostile) {
                try await lock.withLock {
                    caption("caption" + hostile)
                    Interleave.print("output" + hostile)
                    try await sleep(for: .seconds(1))
                }
            }
            try await sleep(for: .milliseconds(100))
            try await lock.withLock {}
            try await worker.value
        }
        loop.runUntilIdle()
        loop.close()
        return loop.store
    }

    /// Raw control bytes other than the line breaks between objects.
    static func rawControls(_ text: String) -> [UInt8] {
        text.utf8.filter { ($0 < 0x20 && $0 != 0x0A) || $0 == 0x7F }
            + (text.unicodeScalars.contains { (0x80..<0xA0).contains($0.value) } ? [0x9B] : [])
    }

    @Test func theChromeTraceEscapesEveryNameAndReadsThemBack() throws {
        let store = Self.hostileStore()
        var json = ""
        ChromeTraceExporter(store: store).write { json += $0 }
        #expect(Self.rawControls(json) == [])
        let trace = try TraceEventFormatRules(json: json)
        #expect(trace.violations == [])
        #expect(trace.thread(named: "task" + Self.hostile) != nil)
        #expect(trace.thread(named: "lock" + Self.hostile, pid: 2) != nil)
        #expect(trace.events(phase: "i").contains { $0["name"] as? String == "caption" + Self.hostile })
    }

    @Test func theJSONLEscapesEveryNameAndReadsThemBack() throws {
        let store = Self.hostileStore()
        var lines: [String] = []
        JSONLExporter(store: store).write { lines.append($0) }
        #expect(Self.rawControls(lines.joined(separator: "\n")) == [])
        let objects = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.first?["demo"] as? String == "demo" + Self.hostile)
        #expect(objects.contains { $0["caption"] as? String == "caption" + Self.hostile })
        #expect(objects.contains { $0["text"] as? String == "output" + Self.hostile })
        #expect(objects.contains { $0["resource"] as? String == "lock" + Self.hostile })
    }
}
