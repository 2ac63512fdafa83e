/// Writes the Trace Event Format's events, one per line inside `traceEvents`, each with the
/// fields its phase requires (`ph`, `ts`, `pid`, `tid`, `name`, plus `dur` for `X`, `id` for
/// flows and async slices, `s` for instants) and every string escaped.
///
/// Times arrive as exported nanoseconds and leave as microseconds with three decimals, the
/// format's unit at full virtual precision.
struct ChromeEventWriter {
    /// The process of the task tracks, and of the resource tracks.
    static let tasksProcess = 1
    static let resourcesProcess = 2

    private let emit: (String) -> Void
    private var first = true

    init(emit: @escaping (String) -> Void) { self.emit = emit }

    /// The event's JSON after the separator the array needs.
    private mutating func event(_ fields: JSONFields) {
        emit((first ? "\n" : ",\n") + fields.text)
        first = false
    }

    private func base(_ phase: String, _ name: String, category: String, pid: Int, tid: Int, ts: Int64) -> JSONFields {
        var fields = JSONFields()
        fields.add("ph", phase)
        fields.add("name", name)
        fields.add("cat", category)
        fields.add("pid", pid)
        fields.add("tid", tid)
        fields.add("ts", json: Self.micros(ts))
        return fields
    }

    /// A `M` event naming or ordering a process or a thread.
    mutating func metadata(_ name: String, pid: Int, tid: Int = 0, args: JSONFields) {
        var fields = base("M", name, category: "__metadata", pid: pid, tid: tid, ts: 0)
        fields.add("args", args)
        event(fields)
    }

    /// A complete (`X`) slice.
    mutating func slice(_ slice: ChromeTrack.Slice, pid: Int, tid: Int) {
        var fields = base("X", slice.name, category: slice.category, pid: pid, tid: tid, ts: slice.start)
        fields.add("dur", json: Self.micros(slice.duration))
        fields.add("args", slice.args)
        event(fields)
    }

    /// An instant (`i`) on a thread (`scope` "t"), its process ("p") or the whole trace ("g").
    mutating func instant(_ name: String, category: String, scope: String = "t", pid: Int, tid: Int, ts: Int64, args: JSONFields) {
        var fields = base("i", name, category: category, pid: pid, tid: tid, ts: ts)
        fields.add("s", scope)
        fields.add("args", args)
        event(fields)
    }

    /// A counter (`C`): each key of `series` is one line of the counter's chart.
    mutating func counter(_ name: String, pid: Int, ts: Int64, series: JSONFields) {
        var fields = base("C", name, category: "resource", pid: pid, tid: 0, ts: ts)
        fields.add("args", series)
        event(fields)
    }

    /// A flow arrow: its start (`s`) binds to the slice enclosing it on the first thread, its
    /// finish (`f`, binding point "e") to the slice enclosing it on the second.
    mutating func flow(_ name: String, id: Int, from: (tid: Int, ts: Int64), to: (tid: Int, ts: Int64)) {
        var start = base("s", name, category: "wake", pid: Self.tasksProcess, tid: from.tid, ts: from.ts)
        start.add("id", id)
        start.add("args", JSONFields())
        event(start)
        var finish = base("f", name, category: "wake", pid: Self.tasksProcess, tid: to.tid, ts: to.ts)
        finish.add("id", id)
        finish.add("bp", "e")
        finish.add("args", JSONFields())
        event(finish)
    }

    /// One end of a nestable async slice (`b` or `e`): overlapping waits on one resource.
    mutating func async(_ phase: String, _ name: String, id: Int, pid: Int, tid: Int, ts: Int64, args: JSONFields) {
        var fields = base(phase, name, category: "waiter", pid: pid, tid: tid, ts: ts)
        fields.add("id", id)
        fields.add("args", args)
        event(fields)
    }

    /// Nanoseconds as microseconds with up to three decimals ("1500", "0.001", "-0.5").
    static func micros(_ nanoseconds: Int64) -> String {
        let whole = nanoseconds / 1000, frac = abs(nanoseconds % 1000)
        guard frac != 0 else { return "\(whole)" }
        // -0.5 µs: the whole part alone (0) would lose the sign.
        let sign = nanoseconds < 0 && whole == 0 ? "-" : ""
        return "\(sign)\(whole).\(String(repeating: "0", count: 3 - String(frac).count))\(frac)"
    }
}
