import InterleaveTrace
import InterleaveUI

/// `interleave replay` without a terminal: the same player, cursor and UI state, advanced by a
/// clock the caller owns, rendering frames into buffers.
///
/// An export uses it to film a replay frame by frame; the screens are the ones the full-screen
/// replay would draw at the same moments.
/// ```swift
/// let replay = HeadlessReplay(store: store, width: 120, height: 40, speed: 2)
/// replay.advance(bySeconds: 0)          // shows the events at time 0
/// let frame = replay.render()
/// while !replay.isAtEnd { if replay.advance(bySeconds: 0.05) { draw(replay.render()) } }
/// ```
public final class HeadlessReplay {
    public let store: TraceStore
    public private(set) var state: AppState
    public let theme: Theme
    public let glyphs: Glyphs
    private let keyMap: KeyMap
    private let cursor: TraceCursor
    private var player = ReplayPlayer()

    public init(store: TraceStore, width: Int, height: Int, speed: Double, theme: Theme = .color, glyphs: Glyphs = .unicode) {
        self.store = store
        self.theme = theme
        self.glyphs = glyphs
        keyMap = KeyMap(glyphs: glyphs)
        cursor = TraceCursor(store: store)
        state = AppState(replay: true, width: width, height: height, speed: speed)
        player.speed = speed
        player.resetClock(at: 0)
        cursor.indexAll()
        reportWorld()
    }

    /// True once every event of the trace is shown.
    public var isAtEnd: Bool { cursor.world.eventCount >= store.events.count }

    /// The world the next frame shows.
    public var world: WorldState { cursor.world }

    /// Playback seconds until the next event is due (0 at the end): lets a caller skip a long
    /// quiet stretch in one call instead of frame by frame.
    public var secondsToNextEvent: Double {
        guard !isAtEnd else { return 0 }
        let next = Double(store.events[cursor.world.eventCount].time)
        let reached = max(player.viewTime, Double(cursor.world.time))
        return max(0, next - reached) / (player.speed * 1e9)
    }

    /// Plays `seconds` of playback time (virtual time × speed); returns whether the view moved.
    @discardableResult
    public func advance(bySeconds seconds: Double) -> Bool {
        guard player.advance(cursor, bySeconds: seconds) else { return false }
        reportWorld()
        return true
    }

    /// The frame the full-screen replay would draw now.
    public func render() -> Buffer {
        var world = cursor.world
        world.time = player.displayTime(cursor)
        return Screen.render(store: store, world: world, state: state, theme: theme, glyphs: glyphs,
                      width: state.width, height: state.height, keyMap: keyMap, reachedEventCount: cursor.world.eventCount)
    }

    /// Tells the reducer what moved, as the full-screen session does after each tick.
    private func reportWorld() {
        _ = state.reduce(.worldChanged(WorldFacts(store: store, world: cursor.world, latestStep: cursor.totalSteps)))
    }
}
