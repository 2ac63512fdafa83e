extension Playlist.Stops {
    /// Where a presentation of `store` holds, as event counts (the view after that many events),
    /// ascending and without repeats; the last one is always the end of the trace.
    ///
    /// A caption holds right after its event, so that it is on screen; a time holds after every
    /// event at or before it; step N holds where `TraceCursor.seek(toStep: N)` lands. A stop at
    /// the last instant, with no caption after it, merges into the end.
    ///
    /// An injected fault holds too, with captions, at the end of its instant (what it did at
    /// once is on screen): after a fault the demo's captions are no longer recorded, so without
    /// this stop the item would play from the caption before it to its end without a pause.
    /// ```swift
    /// Playlist.Stops.captions.positions(in: store)   // [4, 17, 30, store.events.count]
    /// ```
    public func positions(in store: TraceStore) -> [Int] {
        let total = store.events.count
        var result: [Int] = []
        var timeIndex = 0
        var stepIndex = 0
        var steps = 0
        // The time of a fault whose instant has not ended yet.
        var faultTime: Int64?
        store.events.withRuns(in: 0..<total) { run, start in
            for (offset, event) in run.enumerated() {
                let index = start + offset
                while timeIndex < times.count, event.time > times[timeIndex] {
                    result.append(index)
                    timeIndex += 1
                }
                if let time = faultTime, event.time > time {
                    result.append(index)
                    faultTime = nil
                }
                if atCaptions, event.kind == .faultInjected { faultTime = event.time }
                if event.kind == .taskResumed {
                    // Step N is complete where step N + 1 begins.
                    while stepIndex < self.steps.count, self.steps[stepIndex] <= steps {
                        result.append(index)
                        stepIndex += 1
                    }
                    steps += 1
                }
                if atCaptions, event.kind == .caption { result.append(index + 1) }
            }
        }
        result.append(total)
        // A stop before anything happened would hold on an empty screen.
        let stops = Array(Set(result.filter { $0 > 0 })).sorted()
        guard !stops.isEmpty else { return [0] }
        return stops.filter { $0 == total || !isOnlyTheEnding(from: $0, in: store) }
    }

    /// True when all that follows `position` happens at the same instant and says nothing new
    /// (no caption): tasks finishing. Holding there and again at the end would show the same
    /// moment twice, so the end alone holds.
    private func isOnlyTheEnding(from position: Int, in store: TraceStore) -> Bool {
        let events = store.events
        let total = events.count
        guard position > 0, position < total, events[position - 1].time == events[total - 1].time else { return false }
        for index in position..<total where events[index].kind == .caption { return false }
        return true
    }
}
