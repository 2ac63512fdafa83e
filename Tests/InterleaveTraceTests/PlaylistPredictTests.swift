import Testing
@testable import InterleaveTrace

/// `predict=on` in a playlist: an item that asks the class to predict its steps.
@Suite struct PlaylistPredictTests {
    @Test func predictOnAndOffAreRead() throws {
        let playlist = try Playlist.parse("""
            demo gather predict=on title=Guess the order
            demo lock speed=2 predict=off
            demo hello
            """)
        #expect(playlist.items.map(\.predict) == [true, false, false])
        #expect(playlist.items[0].title == "Guess the order")
    }

    @Test(arguments: [
        ("demo gather predict=yes", 1, PlaylistError.Kind.invalidPredict("yes")),
        ("demo hello\ndemo gather predict=", 2, .invalidPredict("")),
        ("demo gather predict=on predict=off", 1, .repeatedOption("predict")),
    ])
    func aBadValueIsNamedWithItsLine(text: String, line: Int, kind: PlaylistError.Kind) {
        #expect(throws: PlaylistError(line: line, kind)) { try Playlist.parse(text) }
    }

    @Test func theErrorIsOneLineNamingTheValues() {
        let error = PlaylistError(line: 3, .invalidPredict("maybe"))
        #expect(error.description == "line 3: predict 'maybe' is not on or off")
        #expect(PlaylistError(line: 1, .unknownOption("x")).description.contains("predict"))
    }
}
