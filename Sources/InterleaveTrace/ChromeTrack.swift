/// One track of a Chrome trace (a task's or a resource's): the slice open on it, and the
/// exported clock that gives a job of zero virtual time a visible width.
///
/// A job runs in no virtual time, so its `running` slice would have no length and vanish in
/// Perfetto. Each slice is therefore at least `minimumWidth` long in the exported clock, and
/// the slice after it starts where it ended: a later start and a shorter duration by the same
/// amount. A slice of real virtual length absorbs that drift, so a 1 s sleep still ends at
/// its virtual time. Slices on one track never overlap and never go back in time.
///
/// ```swift
/// var track = ChromeTrack()
/// track.open("running", args: JSONFields(), at: 0)
/// let closed = track.close(at: 0)   // start 0, duration 1 µs (the minimum)
/// ```
struct ChromeTrack {
    /// A slice of a run's virtual time on a track, before it is written.
    struct Slice {
        var name: String
        var category: String
        var args: JSONFields
        /// Start in the exported clock (ns).
        var start: Int64
        /// Length in the exported clock (ns): at least `minimumWidth`.
        var duration: Int64 = 0
    }

    /// The shortest slice written: 1 µs of exported time, the Trace Event Format's unit.
    static let minimumWidth: Int64 = 1_000

    private(set) var openSlice: Slice?
    /// Where the last closed slice ended in the exported clock (ns).
    private(set) var clock: Int64 = .min

    /// The exported time for something at virtual time `time` on this track: never before the
    /// open slice's start, so an instant lands inside the slice it belongs to.
    func exportedTime(_ time: Int64) -> Int64 {
        max(time, openSlice?.start ?? clock)
    }

    /// Opens a slice at virtual time `time`; any slice still open must be closed first.
    mutating func open(_ name: String, category: String = "state", args: JSONFields, at time: Int64) {
        openSlice = Slice(name: name, category: category, args: args, start: max(time, clock))
    }

    /// Closes the open slice at virtual time `time` and returns it, or `nil` when none is open.
    mutating func close(at time: Int64) -> Slice? {
        guard var slice = openSlice else { return nil }
        // Times from a file may be anything: the end saturates rather than overflowing.
        let minimumEnd = slice.start.addingReportingOverflow(Self.minimumWidth)
        let end = max(time, minimumEnd.overflow ? .max : minimumEnd.partialValue)
        let span = end.subtractingReportingOverflow(slice.start)
        slice.duration = span.overflow ? .max : span.partialValue
        clock = end
        openSlice = nil
        return slice
    }
}
