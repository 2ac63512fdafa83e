import Foundation

/// The Trace Event Format's rules (the "Trace Event Format" document that Perfetto and
/// chrome://tracing follow), checked on a parsed JSON trace: each rule broken is one line.
///
/// ```swift
/// let trace = try TraceEventFormatRules(json: text)
/// #expect(trace.violations == [])
/// ```
struct TraceEventFormatRules {
    typealias Event = [String: Any]

    /// The phases the format documents: duration, complete, instant, counter, async (nestable
    /// and legacy), flow, sample, object, metadata, memory dump, mark, clock sync, context.
    static let phases: Set<String> = [
        "B", "E", "X", "i", "I", "C", "b", "n", "e", "S", "T", "p", "F", "s", "t", "f",
        "P", "N", "O", "D", "M", "V", "v", "R", "c", "(", ")",
    ]
    static let metadataNames: Set<String> = [
        "process_name", "process_labels", "process_sort_index", "thread_name", "thread_sort_index",
    ]

    let root: [String: Any]
    let events: [Event]

    init(json text: String) throws {
        guard let root = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw CocoaError(.propertyListReadCorrupt)
        }
        self.root = root
        events = root["traceEvents"] as? [Event] ?? []
    }

    var violations: [String] {
        var found: [String] = []
        if root["traceEvents"] as? [Event] == nil { found.append("no traceEvents array") }
        for (index, event) in events.enumerated() { found += Self.fieldViolations(event).map { "event \(index): \($0)" } }
        found += flowViolations + asyncViolations + nestingViolations
        return found
    }

    /// The fields every event needs, and those its phase needs.
    static func fieldViolations(_ event: Event) -> [String] {
        guard let phase = event["ph"] as? String else { return ["no ph"] }
        var found: [String] = []
        if !phases.contains(phase) { found.append("unknown phase \(phase)") }
        for key in ["name", "cat"] where event[key] as? String == nil { found.append("\(phase) without a string \(key)") }
        for key in ["ts", "pid", "tid"] where event[key] as? NSNumber == nil { found.append("\(phase) without a numeric \(key)") }
        if let args = event["args"], args as? [String: Any] == nil { found.append("\(phase) args is not an object") }
        switch phase {
        case "X":
            if (event["dur"] as? NSNumber)?.doubleValue ?? -1 < 0 { found.append("X without a duration") }
        case "i", "I":
            if let scope = event["s"], !["g", "p", "t"].contains(scope as? String ?? "") { found.append("instant scope \(scope)") }
        case "s", "t", "f", "b", "n", "e":
            if event["id"] == nil { found.append("\(phase) without an id") }
        case "C":
            let series = event["args"] as? [String: Any] ?? [:]
            if series.isEmpty || series.values.contains(where: { !($0 is NSNumber) }) { found.append("counter without numeric series") }
        case "M":
            if !metadataNames.contains(event["name"] as? String ?? "") { found.append("unknown metadata \(event["name"] ?? "")") }
            if event["args"] as? [String: Any] == nil { found.append("metadata without args") }
        default:
            break
        }
        return found
    }

    private static func ts(_ event: Event) -> Double { (event["ts"] as? NSNumber)?.doubleValue ?? 0 }
    private static func key(_ event: Event) -> String { "\(event["cat"] ?? "")/\(event["id"] ?? "")" }

    /// Every flow start has exactly one finish, not before it.
    var flowViolations: [String] {
        let starts = events.filter { $0["ph"] as? String == "s" }
        let finishes = Dictionary(grouping: events.filter { $0["ph"] as? String == "f" }, by: Self.key)
        var found: [String] = []
        for start in starts {
            let matched = finishes[Self.key(start)] ?? []
            if matched.count != 1 { found.append("flow \(Self.key(start)) has \(matched.count) finishes") }
            if let finish = matched.first, Self.ts(finish) < Self.ts(start) { found.append("flow \(Self.key(start)) ends before it starts") }
        }
        let startKeys = Set(starts.map(Self.key))
        for key in finishes.keys where !startKeys.contains(key) { found.append("flow finish \(key) without a start") }
        return found
    }

    /// Every async begin has its end on the same id, not before it.
    var asyncViolations: [String] {
        var open: [String: Double] = [:]
        var found: [String] = []
        for event in events {
            switch event["ph"] as? String {
            case "b": open[Self.key(event)] = Self.ts(event)
            case "e":
                guard let begin = open.removeValue(forKey: Self.key(event)) else { found.append("async end \(Self.key(event)) without a begin"); continue }
                if Self.ts(event) < begin { found.append("async \(Self.key(event)) ends before it begins") }
            default: break
            }
        }
        return found + open.keys.sorted().map { "async \($0) never ends" }
    }

    /// On each track, B/E pairs balance without going back in time, and complete slices nest
    /// or follow one another: none starts inside another and ends after it.
    var nestingViolations: [String] {
        var found: [String] = []
        let tracks = Dictionary(grouping: events) { "\($0["pid"] ?? "")/\($0["tid"] ?? "")" }
        for (track, trackEvents) in tracks.sorted(by: { $0.key < $1.key }) {
            var depth = 0, last = -Double.infinity
            for event in trackEvents where ["B", "E"].contains(event["ph"] as? String ?? "") {
                if Self.ts(event) < last { found.append("track \(track): B/E goes back in time") }
                last = Self.ts(event)
                depth += event["ph"] as? String == "B" ? 1 : -1
                if depth < 0 { found.append("track \(track): E without B") }
            }
            let slices = trackEvents.filter { $0["ph"] as? String == "X" }
                .map { (start: Self.ts($0), end: Self.ts($0) + (($0["dur"] as? NSNumber)?.doubleValue ?? 0)) }
                .sorted { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
            var stack: [Double] = []
            for slice in slices {
                // Microseconds parsed as doubles: a slice may end a rounding error past the next start.
                while let top = stack.last, top <= slice.start + 1e-6 { stack.removeLast() }
                if let top = stack.last, slice.end > top + 1e-6 {
                    found.append("track \(track): slice at \(slice.start) overlaps one ending at \(top)")
                }
                stack.append(slice.end)
            }
        }
        return found
    }

    // MARK: - Questions the tests ask

    /// A JSON number as a double (0 for anything else).
    static func number(_ value: Any?) -> Double { (value as? NSNumber)?.doubleValue ?? 0 }

    /// The thread id of the track named `name` in process `pid`.
    func thread(named name: String, pid: Int = 1) -> Int? {
        events.first {
            $0["ph"] as? String == "M" && $0["name"] as? String == "thread_name" && ($0["pid"] as? Int) == pid
                && ($0["args"] as? [String: Any])?["name"] as? String == name
        }?["tid"] as? Int
    }

    func events(phase: String, pid: Int? = nil, tid: Int? = nil) -> [Event] {
        events.filter {
            $0["ph"] as? String == phase && (pid == nil || $0["pid"] as? Int == pid) && (tid == nil || $0["tid"] as? Int == tid)
        }
    }
}
