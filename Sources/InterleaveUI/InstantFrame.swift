import InterleaveTrace

/// The full replay screen at one instant of a trace: what `interleave replay` shows when paused
/// there, as a cell buffer (for `export --format svg --at`).
///
/// A time shows every event up to and including that time, with the clock at that time; a step
/// shows the world after that many jobs.
/// ```swift
/// let buffer = InstantFrame.render(store: store, at: .time(500_000_000), width: 120, height: 40)
/// ```
public enum InstantFrame {
    public static func render(
        store: TraceStore, at instant: TraceInstant, width: Int, height: Int, theme: Theme = .color,
        glyphs: Glyphs = .unicode
    ) -> Buffer {
        let cursor = TraceCursor(store: store)
        cursor.indexAll()
        var clock: Int64?
        switch instant {
        case .step(let step):
            cursor.seek(toStep: step)
        case .time(let time):
            // Event times never decrease, so the first event after `time` is found by halving.
            var low = 0, high = store.events.count
            while low < high {
                let middle = (low + high) / 2
                if store.events[middle].time <= time { low = middle + 1 } else { high = middle }
            }
            cursor.seek(toEvent: low)
            clock = time
        }
        var state = AppState(replay: true, width: width, height: height)
        _ = state.reduce(.worldChanged(WorldFacts(store: store, world: cursor.world, latestStep: cursor.totalSteps)))
        var world = cursor.world
        // Past the last event the clock still reads the asked time, as a paused replay would
        // not; keep the run's end instead so the axis does not stretch to nothing.
        if let clock, clock >= world.time, world.eventCount < store.events.count { world.time = clock }
        return Screen.render(
            store: store, world: world, state: state, theme: theme, glyphs: glyphs, width: width, height: height,
            reachedEventCount: cursor.world.eventCount)
    }
}
