import Foundation
import InterleaveTrace
import InterleaveUI

/// Films a trace's replay as an asciicast v2 recording, which `asciinema play` shows like the
/// full-screen UI replaying it.
///
/// The replay is driven headless over virtual time at `speed` and sampled `framesPerSecond`
/// times a second of cast time, between events too: the clock and the timeline move during a
/// sleep as they do live. A frame identical to the one before is skipped, and each other one
/// is written as the ANSI difference from it. The first event clears the screen, and the last
/// frame stays up for `holdSeconds`. A stretch with no event that would last longer than
/// `idleLimit` (a minute by default) in the cast is played faster, in exactly that long (the
/// idea of asciinema's `--idle-time-limit`, which would cut the pause instead: here the clock
/// still runs through it). A marker `[t, "m", label]` stands at every presentation stop
/// (`Playlist.Stops.captions`): each caption, labelled with its text, each injected fault and
/// the end, so that `asciinema play` can pause or jump there.
/// ```swift
/// CastExporter(width: 120, height: 40, speed: 1).write(store) { print($0, terminator: "") }
/// // {"version": 2, "width": 120, "height": 40, "timestamp": …, "title": "interleave: lock", …}
/// // [0.000000, "o", "\u001b[?25l\u001b[0m\u001b[2J\u001b[1;1H…"]
/// // [0.000000, "m", "Two coroutines share one lock"]
/// ```
public struct CastExporter: Sendable {
    public static let defaultWidth = 120
    public static let defaultHeight = 40
    /// The full UI needs the layout's minimum; the maximum keeps a file and a player sane.
    public static let widths = Layout.minimumWidth...500
    public static let heights = Layout.minimumHeight...200
    /// Frames per second of cast time: one is a slide show, sixty is all a player shows.
    public static let framesPerSecondRange = 1...60
    /// Seconds a still stretch may last: from a blink to an hour.
    public static let idleLimits = 0.1...3600.0
    /// The idle limit when none is given: a minute of a ticking clock says all an hour would,
    /// and a trace with a century between two events still ends in a bounded number of frames.
    public static let defaultIdleLimit = 60.0

    public var width: Int
    public var height: Int
    public var speed: Double
    public var framesPerSecond: Int
    /// The longest stretch without an event, in cast seconds (`defaultIdleLimit` when nil).
    public var idleLimit: Double?
    public var holdSeconds: Double
    /// The header's Unix timestamp; nil leaves it out (for byte-identical exports).
    public var timestamp: Int?
    public var theme: Theme

    public init(
        width: Int = defaultWidth, height: Int = defaultHeight, speed: Double = 1, framesPerSecond: Int = 20,
        idleLimit: Double? = nil, holdSeconds: Double = 2, timestamp: Int? = nil, theme: Theme = .color
    ) {
        self.width = width
        self.height = height
        self.speed = speed
        self.framesPerSecond = max(1, framesPerSecond)
        self.idleLimit = idleLimit.map { max($0, 1 / Double(max(1, framesPerSecond))) }
        self.holdSeconds = holdSeconds
        self.timestamp = timestamp
        self.theme = theme
    }

    /// Writes the whole cast, one line per `sink` call (each ending in a newline).
    public func write(_ store: TraceStore, to sink: (String) -> Void) {
        sink(header(for: store) + "\n")
        let replay = HeadlessReplay(store: store, width: width, height: height, speed: speed, theme: theme, glyphs: .unicode)
        var markers = CastMarkers(store: store)
        var encoder = AnsiFrameEncoder()
        let tickSeconds = 1 / Double(framesPerSecond)
        replay.advance(bySeconds: 0)
        sink(Self.event(at: 0, encoder.encode(replay.render())))
        for label in markers.reached(replay.world.eventCount) { sink(Self.marker(at: 0, label)) }
        var tick = 0
        var lastFrame = 0.0
        // How much faster than `speed` the current stretch plays, and the events shown when it began.
        var pace = 1.0
        var paceSetAt = -1
        let idleLimit = idleLimit ?? Self.defaultIdleLimit
        while !replay.isAtEnd {
            if paceSetAt != replay.world.eventCount {
                paceSetAt = replay.world.eventCount
                pace = max(1, replay.secondsToNextEvent / idleLimit)
            }
            tick += 1
            // Counted in ticks, not summed, so that a long cast's times do not drift.
            let now = Double(tick) * tickSeconds
            // A sped-up stretch ends at its event, never past it into the next stretch.
            let step = pace > 1 ? min(tickSeconds * pace, max(replay.secondsToNextEvent, tickSeconds)) : tickSeconds
            replay.advance(bySeconds: step)
            let bytes = encoder.encode(replay.render())
            if !bytes.isEmpty {
                lastFrame = now
                sink(Self.event(at: now, bytes))
            }
            for label in markers.reached(replay.world.eventCount) { sink(Self.marker(at: lastFrame, label)) }
        }
        sink(Self.event(at: lastFrame + holdSeconds, encoder.finish()))
    }

    /// The first line: size, time, a title and the terminal type the bytes are written for.
    func header(for store: TraceStore) -> String {
        let name = store.header.demoName
        let title = SafeText.escape(name.isEmpty ? "interleave replay" : "interleave: " + name)
        var fields = ["\"version\": 2", "\"width\": \(width)", "\"height\": \(height)"]
        if let timestamp { fields.append("\"timestamp\": \(timestamp)") }
        fields.append("\"title\": " + JSONText.quoted(title))
        fields.append("\"env\": {\"TERM\": \"xterm-256color\"}")
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// One output event line.
    static func event(at seconds: Double, _ bytes: String) -> String {
        "[" + String(format: "%.6f", seconds) + ", \"o\", " + JSONText.quoted(bytes) + "]\n"
    }

    /// One marker line; the label is trace text, so its control characters are shown escaped.
    static func marker(at seconds: Double, _ label: String) -> String {
        "[" + String(format: "%.6f", seconds) + ", \"m\", " + JSONText.quoted(SafeText.escape(label)) + "]\n"
    }
}
