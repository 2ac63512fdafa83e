/// A presentation's running order: demos and recordings, each with its speed, where it stops
/// and an optional title (the format is described in docs/playlist-format.md).
///
/// The text comes from a file a presenter may have been sent, so the parser bounds everything
/// it reads and never trusts a name or title: callers escape them before showing them.
/// ```swift
/// let playlist = try Playlist.parse("""
///     demo gather speed=2 title=Running tasks together
///     trace talks/lock.itrace stop=1.5s,step:40
///     """)
/// playlist.items[0].source   // .demo("gather")
/// ```
public struct Playlist: Sendable, Equatable {
    /// The largest playlist file accepted, in bytes.
    public static let maximumBytes = 64 * 1024
    /// The most items a playlist may list.
    public static let maximumItems = 500
    /// The longest line, in bytes.
    public static let maximumLineBytes = 1024
    /// The most stops one item may list.
    public static let maximumStops = 256
    /// The longest title, in characters.
    public static let maximumTitleLength = 200
    /// The longest demo name or trace path, in bytes.
    public static let maximumTargetBytes = 512
    /// Playback speeds an item may ask for, as the TUI allows them.
    public static let speedRange = PlaybackSpeed.range
    /// The latest virtual time a stop may name: 11.5 days, far beyond any demo.
    public static let maximumStopTime: Int64 = 1_000_000 * 1_000_000_000
    /// The highest step a stop may name.
    public static let maximumStopStep = 1_000_000_000

    public var items: [Item]

    public init(items: [Item]) { self.items = items }

    /// One demo or recording to present.
    public struct Item: Sendable, Equatable {
        public var source: Source
        /// Virtual seconds per wall second while it plays.
        public var speed: Double
        public var stops: Stops
        /// What the header calls it; nil means the demo's or the recording's own title.
        public var title: String?
        /// Where it was written, for error messages about it (e.g. an unknown demo).
        public var line: Int
        /// Asks the class to predict its steps before they happen (`predict=on`).
        public var predict: Bool

        public init(
            source: Source, speed: Double = 1, stops: Stops = .captions, title: String? = nil, line: Int = 0,
            predict: Bool = false
        ) {
            self.source = source
            self.predict = predict
            self.speed = speed
            self.stops = stops
            self.title = title
            self.line = line
        }
    }

    /// What an item plays.
    public enum Source: Sendable, Equatable {
        /// A demo of the catalogue, run headless and shown as it was recorded.
        case demo(String)
        /// A trace file, as written in the playlist (relative paths are relative to the playlist's folder).
        case trace(String)
        /// A Python asyncio program, run as `interleave run` runs it (paths as for a trace).
        case python(String)
    }

    /// Where an item holds until the presenter moves on; the end of the item always holds.
    public struct Stops: Sendable, Equatable {
        /// Hold on every caption the demo shows.
        public var atCaptions: Bool
        /// Hold when virtual time reaches each of these, in nanoseconds.
        public var times: [Int64]
        /// Hold after each of these steps (jobs run).
        public var steps: [Int]

        public init(atCaptions: Bool, times: [Int64] = [], steps: [Int] = []) {
            self.atCaptions = atCaptions
            self.times = times
            self.steps = steps
        }

        /// Every caption: the default.
        public static let captions = Stops(atCaptions: true)
        /// Only the end of the item.
        public static let none = Stops(atCaptions: false)
    }
}

/// Why a playlist was refused, and on which line (0 for the file as a whole).
///
/// Its description is one line, with any text quoted from the file escaped and shortened.
public struct PlaylistError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var kind: Kind

    public init(line: Int, _ kind: Kind) {
        self.line = line
        self.kind = kind
    }

    public enum Kind: Sendable, Equatable {
        case tooLarge(bytes: Int)
        case invalidUTF8
        case lineTooLong(bytes: Int)
        case noItems
        case tooManyItems
        case unknownItemKind(String)
        case missingTarget(kind: String)
        case invalidTarget(String)
        case expectedOption(String)
        case unknownOption(String)
        case repeatedOption(String)
        case invalidSpeed(String)
        case invalidStop(String)
        case invalidPredict(String)
        case tooManyStops
        case emptyTitle
        case titleTooLong(characters: Int)
    }

    public var description: String {
        let place = line > 0 ? "line \(line): " : ""
        return place + message
    }

    private var message: String {
        let q = Self.quoted
        switch kind {
        case .tooLarge(let bytes): return "the playlist is \(bytes) bytes; the limit is \(Playlist.maximumBytes)"
        case .invalidUTF8: return "not UTF-8 text"
        case .lineTooLong(let bytes): return "the line is \(bytes) bytes; the limit is \(Playlist.maximumLineBytes)"
        case .noItems: return "the playlist lists no demo or trace"
        case .tooManyItems: return "more than \(Playlist.maximumItems) items"
        case .unknownItemKind(let word): return "\(q(word)) is not an item kind (expected demo, trace or python)"
        case .missingTarget(let kind): return kind == "demo" ? "demo needs a name" : "\(kind) needs a file path"
        case .invalidTarget(let target): return "\(q(target)) is not a usable name or path (control characters, or too long)"
        case .expectedOption(let word): return "expected key=value, found \(q(word))"
        case .unknownOption(let key): return "unknown option \(q(key)) (expected speed, stop, predict or title)"
        case .repeatedOption(let key): return "\(q(key)) is given twice"
        case .invalidSpeed(let value):
            return "speed \(q(value)) is not a number from \(PlaybackSpeed.rangeText) (e.g. 0.5, 2, 1/4)"
        case .invalidStop(let value):
            return "stop \(q(value)) is not captions, none, a time (1.5s, 200ms) or a step (step:40)"
        case .invalidPredict(let value): return "predict \(q(value)) is not on or off"
        case .tooManyStops: return "more than \(Playlist.maximumStops) stops"
        case .emptyTitle: return "title= needs some text"
        case .titleTooLong(let count): return "the title is \(count) characters; the limit is \(Playlist.maximumTitleLength)"
        }
    }

    /// Text from the file in quotes, control characters spelled out and cut to 40 characters,
    /// so that an error message can neither drive the terminal nor flood it.
    static func quoted(_ text: String) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == 40 { result += "…"; break }
            count += 1
            switch scalar.value {
            // C0 and C1 controls, and the bidirectional overrides that could reorder a line.
            case 0x00..<0x20, 0x7F..<0xA0, 0x2028...0x202E, 0x2066...0x2069:
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return "'" + result + "'"
    }
}
