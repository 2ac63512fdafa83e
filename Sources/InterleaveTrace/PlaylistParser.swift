extension Playlist {
    /// Parses playlist text; throws the first problem found, with its line number.
    ///
    /// Never traps, and its work is bounded by `maximumBytes`: it is fuzzed with arbitrary bytes.
    /// ```swift
    /// try Playlist.parse("demo hello stop=none")   // one item, no stop but its end
    /// ```
    public static func parse(_ text: String) throws(PlaylistError) -> Playlist {
        try parse(bytes: Array(text.utf8))
    }

    /// Parses a playlist file's raw bytes (not yet known to be UTF-8).
    public static func parse(bytes: [UInt8]) throws(PlaylistError) -> Playlist {
        guard bytes.count <= maximumBytes else { throw PlaylistError(line: 0, .tooLarge(bytes: bytes.count)) }
        var parser = PlaylistParser()
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lineNumber = 1
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            try parser.parseLine(bytes[start..<end], number: lineNumber)
            start = end + 1
            lineNumber += 1
        }
        guard !parser.items.isEmpty else { throw PlaylistError(line: 0, .noItems) }
        return Playlist(items: parser.items)
    }
}

/// The line-by-line reader behind `Playlist.parse`.
struct PlaylistParser {
    private(set) var items: [Playlist.Item] = []

    mutating func parseLine(_ raw: ArraySlice<UInt8>, number: Int) throws(PlaylistError) {
        func failure(_ kind: PlaylistError.Kind) -> PlaylistError { PlaylistError(line: number, kind) }
        var bytes = raw
        if bytes.last == 0x0D { bytes = bytes.dropLast() }
        guard bytes.count <= Playlist.maximumLineBytes else { throw failure(.lineTooLong(bytes: bytes.count)) }
        guard let line = String(validating: bytes, as: UTF8.self) else { throw failure(.invalidUTF8) }
        var scanner = Scanner(line)
        guard let kind = scanner.word(), !kind.hasPrefix("#") else { return }
        guard kind == "demo" || kind == "trace" || kind == "python" else { throw failure(.unknownItemKind(kind)) }
        guard let target = scanner.word() else { throw failure(.missingTarget(kind: kind)) }
        guard Self.isUsableTarget(target) else { throw failure(.invalidTarget(target)) }
        guard items.count < Playlist.maximumItems else { throw failure(.tooManyItems) }

        let source: Playlist.Source = switch kind {
        case "demo": .demo(target)
        case "trace": .trace(target)
        default: .python(target)
        }
        var item = Playlist.Item(source: source, line: number)
        var seen: Set<Substring> = []
        while let word = scanner.word() {
            guard let equals = word.firstIndex(of: "=") else { throw failure(.expectedOption(word)) }
            let key = word[..<equals]
            guard seen.insert(key).inserted else { throw failure(.repeatedOption(String(key))) }
            switch key {
            case "title":
                // The title is the rest of the line, spaces and all, so it must come last.
                let title = word[word.index(after: equals)...] + scanner.rest()
                let trimmed = title.trimmingSpaces()
                guard !trimmed.isEmpty else { throw failure(.emptyTitle) }
                let length = trimmed.unicodeScalars.count
                guard length <= Playlist.maximumTitleLength else { throw failure(.titleTooLong(characters: length)) }
                item.title = trimmed
            case "speed":
                let value = word[word.index(after: equals)...]
                guard let speed = Self.speed(value) else { throw failure(.invalidSpeed(String(value))) }
                item.speed = speed
            case "stop":
                item.stops = try Self.stops(word[word.index(after: equals)...], line: number)
            case "predict":
                let value = word[word.index(after: equals)...]
                guard value == "on" || value == "off" else { throw failure(.invalidPredict(String(value))) }
                item.predict = value == "on"
            default:
                throw failure(.unknownOption(String(key)))
            }
        }
        items.append(item)
    }

    /// A name or path: bounded, and free of control characters that could mean something to a terminal.
    static func isUsableTarget(_ target: String) -> Bool {
        target.utf8.count <= Playlist.maximumTargetBytes
            && !target.unicodeScalars.contains(where: ControlCharacters.contains)
    }

    /// "2", "0.5", "1/4": digits, one dot, at most one slash; within `Playlist.speedRange`.
    static func speed(_ text: Substring) -> Double? {
        guard text.count <= 24 else { return nil }
        let parts = text.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count <= 2, let numerator = decimal(parts[0]) else { return nil }
        var value = numerator
        if parts.count == 2 {
            guard let denominator = decimal(parts[1]), denominator > 0 else { return nil }
            value /= denominator
        }
        return Playlist.speedRange.contains(value) ? value : nil
    }

    /// Plain decimal notation only: no sign, exponent, hex, "inf" or "nan".
    static func decimal(_ text: Substring) -> Double? {
        guard !text.isEmpty, text.count <= 20,
              text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              text.filter({ $0 == "." }).count <= 1, text != "."
        else { return nil }
        return Double(text)
    }

    /// "captions", "none", or a comma-separated list of captions, times and steps.
    static func stops(_ text: Substring, line: Int) throws(PlaylistError) -> Playlist.Stops {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= Playlist.maximumStops else { throw PlaylistError(line: line, .tooManyStops) }
        if parts == ["none"] { return .none }
        var stops = Playlist.Stops(atCaptions: false)
        for part in parts {
            if part == "captions" {
                stops.atCaptions = true
            } else if let time = time(part) {
                stops.times.append(time)
            } else if part.hasPrefix("step:"), let step = count(part.dropFirst(5)) {
                stops.steps.append(step)
            } else {
                throw PlaylistError(line: line, .invalidStop(String(part)))
            }
        }
        stops.times.sort()
        stops.steps.sort()
        return stops
    }

    /// "1.5s" or "250ms" as nanoseconds, up to `Playlist.maximumStopTime`.
    static func time(_ text: Substring) -> Int64? {
        let (number, nanosecondsPerUnit): (Substring, Double) =
            text.hasSuffix("ms") ? (text.dropLast(2), 1e6) : text.hasSuffix("s") ? (text.dropLast(1), 1e9) : ("", 0)
        guard let value = decimal(number) else { return nil }
        let nanoseconds = (value * nanosecondsPerUnit).rounded()
        guard nanoseconds <= Double(Playlist.maximumStopTime) else { return nil }
        return Int64(nanoseconds)
    }

    /// Digits only, up to `Playlist.maximumStopStep`.
    static func count(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 10, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text),
              value <= Playlist.maximumStopStep
        else { return nil }
        return value
    }
}

/// Splits a line into words separated by spaces and tabs.
private struct Scanner {
    private let line: String
    private var index: String.Index

    init(_ line: String) {
        self.line = line
        index = line.startIndex
    }

    /// The next word, or nil at the end of the line.
    mutating func word() -> String? {
        skipSpaces()
        guard index < line.endIndex else { return nil }
        let start = index
        while index < line.endIndex, !line[index].isPlaylistSpace { index = line.index(after: index) }
        return String(line[start..<index])
    }

    /// Everything not read yet, leading spaces included.
    mutating func rest() -> Substring {
        defer { index = line.endIndex }
        return line[index...]
    }

    private mutating func skipSpaces() {
        while index < line.endIndex, line[index].isPlaylistSpace { index = line.index(after: index) }
    }
}

extension Character {
    fileprivate var isPlaylistSpace: Bool { self == " " || self == "\t" }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    fileprivate func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[first...last])
        return result
    }
}
