import InterleaveTrace

/// The markers of a cast: one per presentation stop (`Playlist.Stops.captions`), each with a
/// label a player shows, handed out as a replay reaches them.
///
/// A stop right after a caption is labelled with the caption's text; the one after an
/// injected fault with what the fault did ("you made task2 fail"); the last one "end".
/// ```swift
/// var markers = CastMarkers(store: store)
/// markers.reached(4)    // ["Two coroutines share one lock"]
/// ```
struct CastMarkers {
    private let stops: [(position: Int, label: String)]
    private var next = 0

    init(store: TraceStore) {
        let total = store.events.count
        // Every caption gets its own marker: a presentation merges a caption at the last
        // instant into the end's stop, but a viewer jumping between markers should find it.
        var positions = Set(Playlist.Stops.captions.positions(in: store))
        store.events.withRuns(in: 0..<total) { run, start in
            for (offset, event) in run.enumerated() where event.kind == .caption { positions.insert(start + offset + 1) }
        }
        stops = positions.sorted().compactMap { position in
            guard position > 0 else { return nil }
            return (position, Self.label(at: position, in: store, total: total))
        }
    }

    /// The labels of the stops at or before `eventCount` not handed out yet, in order.
    mutating func reached(_ eventCount: Int) -> [String] {
        var labels: [String] = []
        while next < stops.count, stops[next].position <= eventCount {
            labels.append(stops[next].label)
            next += 1
        }
        return labels
    }

    /// What the stop after `position` events shows: the caption it holds on, the fault that
    /// made it, or the end.
    private static func label(at position: Int, in store: TraceStore, total: Int) -> String {
        let event = store.events[position - 1]
        if event.kind == .caption { return store.string(StringID(rawValue: UInt32(truncatingIfNeeded: event.arg))) }
        if position == total { return "end" }
        // A fault's stop comes at the end of its instant, after what the fault did at once.
        var index = position - 1
        while index >= 0, store.events[index].time == event.time {
            let earlier = store.events[index]
            if earlier.kind == .faultInjected, let text = EventText.describe(earlier, in: store) { return text }
            index -= 1
        }
        return "stop at \(formatSeconds(event.time))"
    }
}
