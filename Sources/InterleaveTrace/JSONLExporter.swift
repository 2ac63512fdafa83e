/// Every event of a trace as one JSON object per line, with names resolved and one field per
/// meaning: for `jq`, scripts and inspection. The schema (version 2) is documented in
/// `docs/jsonl-schema.md`: a header line, then one line per event; fields that do not apply
/// are left out, never written as sentinel numbers.
///
/// ```swift
/// JSONLExporter(store: store).write { line in print(line) }
/// // {"schema":"interleave-jsonl","version":2,"demo":"gather",...}
/// // {"index":0,"t":0,"kind":"taskCreated","task":"main","task_id":0,"state":"created",...}
/// ```
public struct JSONLExporter {
    /// Bumped whenever a field changes meaning or goes; new fields keep the version.
    public static let version = 2

    public let store: TraceStore
    public init(store: TraceStore) { self.store = store }

    public func write(_ emit: (String) -> Void) {
        emit(headerLine.text)
        store.events.withRuns(in: 0..<store.events.count) { run, start in
            for (offset, e) in run.enumerated() { emit(line(e, index: start + offset).text) }
        }
    }

    private var headerLine: JSONFields {
        let header = store.header
        var fields = JSONFields()
        fields.add("schema", "interleave-jsonl")
        fields.add("version", Self.version)
        fields.addRunFacts(header)
        fields.add("time_unit", "ns")
        fields.add("events", store.events.count)
        fields.add("tasks", store.tasks.count)
        fields.add("resources", store.resources.count)
        return fields
    }

    func line(_ e: TraceEvent, index: Int) -> JSONFields {
        var fields = JSONFields()
        fields.add("index", index)
        fields.add("t", e.time)
        fields.add("kind", "\(e.kind)")
        if !e.task.isNone {
            fields.add("task", store.taskName(e.task))
            fields.add("task_id", Int(e.task.rawValue))
        }
        if let state = e.kind.taskStateAfter { fields.add("state", state.label) }
        if !e.resource.isNone {
            fields.add("resource", store.resourceName(e.resource))
            fields.add("resource_id", Int(e.resource.rawValue))
            if let info = ChromeStateSlice.known(e.resource, in: store) { fields.add("resource_kind", info.kind.label) }
        }
        EventFacts.add(e, in: store, to: &fields)
        if let text = EventText.describe(e, in: store) { fields.add("description", text) }
        if e.location != .unknown {
            let location = store.location(e.location)
            fields.add("file", location.fileID)
            fields.add("line", location.line)
        }
        return fields
    }
}
