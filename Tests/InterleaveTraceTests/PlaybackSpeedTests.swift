import Testing
@testable import InterleaveTrace

/// The one speed range, and the places that read it, agree on 1/16× to 64×.
@Suite struct PlaybackSpeedTests {
    @Test func theRangeIsTheExponentsAsPowersOfTwo() {
        #expect(PlaybackSpeed.exponents == -4...6)
        #expect(PlaybackSpeed.range == 1.0 / 16...64)
        #expect(PlaybackSpeed.rangeText == "1/16 to 64")
    }

    @Test func thePlaylistParserAcceptsExactlyTheRange() {
        #expect(Playlist.speedRange == PlaybackSpeed.range)
        #expect(PlaylistParser.speed(Substring("1/16")) == 1.0 / 16)
        #expect(PlaylistParser.speed(Substring("64")) == 64)
        #expect(PlaylistParser.speed(Substring("1/32")) == nil)
        #expect(PlaylistParser.speed(Substring("65")) == nil)
    }

    static let clampings: [(speed: Double, clamped: Double)] = [
        (0.001, 0.0625), (0.0625, 0.0625), (3, 3), (64, 64), (1000, 64), (.infinity, 64), (-1, 0.0625), (.nan, 1),
    ]

    @Test(arguments: clampings)
    func clampingKeepsASpeedInTheRange(speed: Double, clamped: Double) {
        #expect(PlaybackSpeed.clamped(speed) == clamped)
    }
}
