import Foundation
import Testing
import InterleaveTrace

/// The committed libFuzzer corpus and crashers for the playlist parser (fuzz/), replayed through
/// the entry the fuzzer calls: every file parses within the documented limits or is refused with
/// a one-line error, never crashes.
@Suite struct PlaylistCorpusTests {
    static let fuzzFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fuzz")

    /// Every file of `fuzz/corpus/playlist` and `fuzz/crashers/playlist`, relative to fuzz/.
    static let inputs: [String] = ["corpus", "crashers"].flatMap { kind -> [String] in
        let folder = fuzzFolder.appendingPathComponent(kind).appendingPathComponent("playlist")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(kind)/playlist/\($0)" }
    }

    static func bytes(of input: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fuzzFolder.appendingPathComponent(input)))
    }

    @Test(arguments: inputs)
    func playlistInputParsesWithinLimitsOrIsRefusedInOneLine(input: String) throws {
        #expect(PlaylistEntry.exercise(try Self.bytes(of: input)).problem == nil, "\(input)")
    }

    /// The corpus is there and reaches both outcomes, so the replay above means something.
    @Test func playlistCorpusHoldsAcceptedAndRefusedPlaylists() throws {
        let readings = try Self.inputs.map { PlaylistEntry.exercise(try Self.bytes(of: $0)) }
        #expect(readings.count >= 20)
        #expect(readings.contains { if case .parsed = $0 { true } else { false } })
        #expect(readings.contains { if case .refused = $0 { true } else { false } })
    }

    @Test func theEntryFlagsAnErrorThatSpansLinesAndAPlaylistPastALimit() {
        #expect(PlaylistEntry.Reading.refused("line 1: bad\nmore").problem != nil)
        #expect(PlaylistEntry.Reading.refused("").problem != nil)
        let tooFast = Playlist(items: [Playlist.Item(source: .demo("hello"), speed: 128)])
        #expect(PlaylistEntry.Reading.parsed(tooFast).problem != nil)
        #expect(PlaylistEntry.exercise(Array("demo hello speed=2".utf8)).problem == nil)
    }
}
