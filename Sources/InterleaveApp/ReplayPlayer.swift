import Foundation
import InterleaveTrace

/// Plays a recorded trace: the view's virtual time advances with wall time × speed, and every
/// event up to it is shown, exactly as a live run would have shown them.
struct ReplayPlayer {
    var playing = true
    var speed: Double = 1
    private var lastTick = Date()
    /// The virtual time (nanoseconds) playback has reached; events up to it are shown.
    private(set) var viewTime: Double = 0

    /// Moves the cursor forward by the virtual time that elapsed since the last tick, but not
    /// past the world after `limit` events (a presentation's next stop).
    mutating func tick(_ cursor: TraceCursor, limit: Int? = nil) -> Bool {
        let now = Date()
        let elapsed = now.timeIntervalSince(lastTick)
        lastTick = now
        return advance(cursor, bySeconds: elapsed, limit: limit)
    }

    /// Moves the cursor forward by `elapsed` seconds of playback: `tick` with the wall clock,
    /// and a headless export with its own frame clock.
    mutating func advance(_ cursor: TraceCursor, bySeconds elapsed: Double, limit: Int? = nil) -> Bool {
        let events = cursor.store.events
        let total = min(events.count, limit ?? events.count)
        guard playing, cursor.world.eventCount < total else { return false }
        viewTime = max(viewTime, Double(cursor.world.time)) + elapsed * speed * 1e9
        var end = cursor.world.eventCount
        while end < total, Double(events[end].time) <= viewTime { end += 1 }
        guard end > cursor.world.eventCount else { return false }
        cursor.seek(toEvent: end)
        return true
    }

    /// The virtual time to show: playback's clock, which runs on between the last event shown
    /// and the next one as a live run's clock does during a sleep, instead of leaping from one
    /// event's time to the next.
    func displayTime(_ cursor: TraceCursor) -> Int64 {
        let world = cursor.world
        let events = cursor.store.events
        guard world.eventCount < events.count else { return world.time }
        return max(world.time, min(Int64(viewTime), events[world.eventCount].time))
    }

    /// Goes on from where the clock stands, counting wall time from now (after a pause or a
    /// speed change, so the clock does not fall back to the last event's time).
    mutating func restartTicking() {
        lastTick = Date()
    }

    /// Restarts the clock from the cursor's time (after a seek or a step).
    mutating func resetClock(at time: Int64) {
        lastTick = Date()
        viewTime = Double(time)
    }
}
