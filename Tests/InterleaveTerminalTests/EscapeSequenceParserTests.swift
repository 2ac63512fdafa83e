import InterleaveUI
import Testing
@testable import InterleaveTerminal

@Suite struct EscapeSequenceParserTests {
    /// What the parser makes of `text` following an ESC: the key, and how many characters it
    /// took (a sequence must take all of its own and nothing after it).
    private struct Parsed: Equatable {
        var key: Key?
        var consumed: Int
    }

    private func parse(_ text: String) -> Parsed {
        var parser = EscapeSequenceParser()
        var consumed = 0
        for scalar in text.unicodeScalars {
            consumed += 1
            if case .complete(let key) = parser.feed(scalar.value) { return Parsed(key: key, consumed: consumed) }
        }
        return Parsed(key: parser.endOfInput(), consumed: consumed)
    }

    @Test func aLoneEscapeIsEscape() {
        #expect(parse("") == Parsed(key: .escape, consumed: 0))
    }

    @Test(arguments: ["[H", "[1~", "[7~", "OH", "[1;5H"])
    func homeInEverySpelling(sequence: String) {
        #expect(parse(sequence) == Parsed(key: .home, consumed: sequence.unicodeScalars.count))
    }

    @Test(arguments: ["[F", "[4~", "[8~", "OF", "[1;2F"])
    func endInEverySpelling(sequence: String) {
        #expect(parse(sequence) == Parsed(key: .end, consumed: sequence.unicodeScalars.count))
    }

    @Test func pageUpAndDown() {
        #expect(parse("[5~") == Parsed(key: .pageUp, consumed: 3))
        #expect(parse("[6~") == Parsed(key: .pageDown, consumed: 3))
        #expect(parse("[5;5~") == Parsed(key: .pageUp, consumed: 5))
    }

    @Test func cursorKeysInNormalAndApplicationMode() {
        #expect(parse("[A").key == .up)
        #expect(parse("[B").key == .down)
        #expect(parse("[C").key == .right)
        #expect(parse("[D").key == .left)
        #expect(parse("OA").key == .up)
        #expect(parse("OD").key == .left)
        #expect(parse("[Z").key == .backTab)
        #expect(parse("OM").key == .enter)
    }

    @Test(arguments: [
        ("OP", 1), ("OS", 4), ("[11~", 1), ("[15~", 5), ("[17~", 6), ("[21~", 10), ("[23~", 11), ("[24~", 12),
        ("[[A", 1), ("[[E", 5), ("[1;2P", 1),
    ])
    func functionKeys(sequence: String, number: Int) {
        #expect(parse(sequence) == Parsed(key: .function(number), consumed: sequence.unicodeScalars.count))
    }

    @Test(arguments: Array("abcxgGpqz0]?".unicodeScalars).map(String.init) + ["é", "\r", "\u{7F}"])
    func altPlusAKeyIsDroppedAfterOneCharacter(key: String) {
        #expect(parse(key + "x") == Parsed(key: nil, consumed: 1))
    }

    @Test func unknownSequencesAreConsumedWholeAndDropped() {
        for sequence in ["[200~", "[201~", "[2~", "[3~", "[99~", "[I", "[O", "[?1;2c", "[<0;10;5M", "[1 q", "[2J", "O5q"] {
            // A trailing "x" shows the sequence stops at its final byte and leaves what follows.
            #expect(parse(sequence + "x") == Parsed(key: nil, consumed: sequence.unicodeScalars.count), "\(sequence)")
        }
    }

    @Test func anX10MouseReportTakesItsThreeRawBytes() {
        #expect(parse("[M !!x") == Parsed(key: nil, consumed: 5))
    }

    @Test func altPlusAnEscapeSequenceIsDropped() {
        #expect(parse("\u{1B}[A") == Parsed(key: nil, consumed: 3))
        #expect(parse("\u{1B}OF") == Parsed(key: nil, consumed: 3))
        #expect(parse("\u{1B}x") == Parsed(key: nil, consumed: 2))
        // Alt+Escape: never plain Escape either.
        #expect(parse("\u{1B}") == Parsed(key: nil, consumed: 1))
    }

    @Test func aSequenceCutShortIsDroppedNotEscape() {
        #expect(parse("[") == Parsed(key: nil, consumed: 1))
        #expect(parse("[1;") == Parsed(key: nil, consumed: 3))
        #expect(parse("O") == Parsed(key: nil, consumed: 1))
    }

    @Test func aControlCharacterInsideASequenceEndsIt() {
        #expect(parse("[1\rx") == Parsed(key: nil, consumed: 3))
        #expect(parse("[\u{1B}[A") == Parsed(key: nil, consumed: 2))
    }

    @Test func endlessGarbageIsCutOff() {
        let endless = "[" + String(repeating: "1", count: 100)
        #expect(parse(endless) == Parsed(key: nil, consumed: EscapeSequenceParser.maximumLength))
    }

    @Test func aKeyDecodedByNcursesAfterTheEscapeIsAltPlusThatKey() {
        var parser = EscapeSequenceParser()
        #expect(parser.feedDecodedKey() == .complete(nil))
    }
}
