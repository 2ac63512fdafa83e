/// Every event of a trace as one JSON object per line, with names resolved: for inspection.
///
/// ```swift
/// JSONLExporter(store: store).write { line in print(line) }
/// // {"index":0,"time":0.000000000,"kind":"taskCreated","task":"main",...}
/// ```
public struct JSONLExporter {
    public let store: TraceStore
    public init(store: TraceStore) { self.store = store }

    public func write(_ emit: (String) -> Void) {
        let header = store.header
        emit("{\"format\":\"interleave-jsonl\",\"version\":1,\"demo\":\(JSONText.quoted(header.demoName)),"
            + "\"seed\":\(header.seed),\"schedule\":\(JSONText.quoted(header.schedule))}")
        store.events.withRuns(in: 0..<store.events.count) { run, start in
            for (offset, e) in run.enumerated() { emit(line(e, index: start + offset)) }
        }
    }

    func line(_ e: TraceEvent, index: Int) -> String {
        var fields = [
            "\"index\":\(index)",
            "\"time\":\(Double(e.time) / 1e9)",
            "\"kind\":\"\(e.kind)\"",
        ]
        if !e.task.isNone { fields.append("\"task\":\(JSONText.quoted(store.taskName(e.task))),\"task_id\":\(e.task.rawValue)") }
        if !e.resource.isNone {
            fields.append("\"resource\":\(JSONText.quoted(store.resourceName(e.resource))),\"resource_id\":\(e.resource.rawValue)")
        }
        fields.append("\"arg\":\(e.arg)")
        if let text = EventText.describe(e, in: store) { fields.append("\"text\":\(JSONText.quoted(text))") }
        if e.location != .unknown {
            let l = store.location(e.location)
            fields.append("\"file\":\(JSONText.quoted(l.fileID)),\"line\":\(l.line)")
        }
        return "{" + fields.joined(separator: ",") + "}"
    }
}
