import InterleaveTrace

/// What `interleave present PLAYLIST` does with a playlist file's bytes, in one call shared by the
/// libFuzzer target (`fuzz/run.sh playlist`) and the corpus regression tests.
///
/// ```swift
/// #expect(PlaylistEntry.exercise(Array("demo hello".utf8)).problem == nil)
/// ```
enum PlaylistEntry {
    /// How one parse ended.
    enum Reading: Equatable {
        case parsed(Playlist)
        /// A `PlaylistError`'s text: what the user sees after "interleave: PLAYLIST: ".
        case refused(String)

        /// Why this parse breaks the parser's contract, or nil when it keeps it.
        var problem: String? {
            switch self {
            case .refused(let text) where text.isEmpty: "the error has no text"
            case .refused(let text) where text.contains(where: \.isNewline): "the error spans lines: \(text.debugDescription)"
            case .refused: nil
            case .parsed(let playlist): PlaylistEntry.brokenLimit(in: playlist)
            }
        }
    }

    /// Parses `bytes` as the CLI does.
    static func exercise(_ bytes: [UInt8]) -> Reading {
        do {
            return .parsed(try Playlist.parse(bytes: bytes))
        } catch {
            return .refused(error.description)
        }
    }

    /// The first documented limit a parsed playlist exceeds, or nil: what is accepted is bounded.
    static func brokenLimit(in playlist: Playlist) -> String? {
        if playlist.items.isEmpty { return "no items" }
        if playlist.items.count > Playlist.maximumItems { return "\(playlist.items.count) items" }
        for item in playlist.items {
            if !Playlist.speedRange.contains(item.speed) { return "speed \(item.speed)" }
            if item.stops.times.count + item.stops.steps.count > Playlist.maximumStops { return "too many stops" }
            if item.stops.times.contains(where: { $0 < 0 || $0 > Playlist.maximumStopTime }) { return "a stop time out of range" }
            if item.stops.steps.contains(where: { $0 < 0 || $0 > Playlist.maximumStopStep }) { return "a stop step out of range" }
            if let title = item.title, title.isEmpty || title.count > Playlist.maximumTitleLength { return "title \(title.debugDescription)" }
            switch item.source {
            case .demo(let target), .trace(let target), .python(let target):
                if target.isEmpty || target.utf8.count > Playlist.maximumTargetBytes { return "target \(target.debugDescription)" }
            }
        }
        return nil
    }
}
