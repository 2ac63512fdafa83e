import Foundation
import InterleaveTrace
import InterleaveUI

/// Films a trace's replay as an asciicast v2 recording, which `asciinema play` shows like the
/// full-screen UI replaying it.
///
/// The replay is driven headless over virtual time at `speed`, sampled `framesPerSecond` times a
/// second of cast time; each frame that changed is written as the ANSI difference from the one
/// before. The first event clears the screen, and the last frame stays up for `holdSeconds`.
/// The file is newline-delimited JSON: a header object, then one `[time, "o", data]` per frame.
/// ```swift
/// CastExporter(width: 120, height: 40, speed: 1).write(store) { print($0, terminator: "") }
/// // {"version": 2, "width": 120, "height": 40, "timestamp": …, "title": "interleave: lock", …}
/// // [0.000000, "o", "\u001b[?25l\u001b[0m\u001b[2J\u001b[1;1H…"]
/// ```
public struct CastExporter: Sendable {
    public static let defaultWidth = 120
    public static let defaultHeight = 40
    /// The full UI needs the layout's minimum; the maximum keeps a file and a player sane.
    public static let widths = Layout.minimumWidth...500
    public static let heights = Layout.minimumHeight...200

    public var width: Int
    public var height: Int
    public var speed: Double
    public var framesPerSecond: Int
    public var holdSeconds: Double
    /// The header's Unix timestamp; nil leaves it out (for byte-identical exports).
    public var timestamp: Int?
    public var theme: Theme

    public init(
        width: Int = defaultWidth, height: Int = defaultHeight, speed: Double = 1, framesPerSecond: Int = 20,
        holdSeconds: Double = 2, timestamp: Int? = nil, theme: Theme = .color
    ) {
        self.width = width
        self.height = height
        self.speed = speed
        self.framesPerSecond = max(1, framesPerSecond)
        self.holdSeconds = holdSeconds
        self.timestamp = timestamp
        self.theme = theme
    }

    /// Writes the whole cast, one line per `sink` call (each ending in a newline).
    public func write(_ store: TraceStore, to sink: (String) -> Void) {
        sink(header(for: store) + "\n")
        let replay = HeadlessReplay(store: store, width: width, height: height, speed: speed, theme: theme, glyphs: .unicode)
        var encoder = AnsiFrameEncoder()
        let tickSeconds = 1 / Double(framesPerSecond)
        replay.advance(bySeconds: 0)
        sink(Self.event(at: 0, encoder.encode(replay.render())))
        var tick = 0
        var lastFrame = 0.0
        while !replay.isAtEnd {
            // A quiet stretch is crossed in one call: ticks in it would show nothing new.
            let quietTicks = Int(min(replay.secondsToNextEvent / tickSeconds, Double(Int32.max))) - 1
            if quietTicks > 0 {
                replay.advance(bySeconds: Double(quietTicks) * tickSeconds)
                tick += quietTicks
            }
            tick += 1
            guard replay.advance(bySeconds: tickSeconds) else { continue }
            let bytes = encoder.encode(replay.render())
            guard !bytes.isEmpty else { continue }
            lastFrame = Double(tick) * tickSeconds
            sink(Self.event(at: lastFrame, bytes))
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
}
