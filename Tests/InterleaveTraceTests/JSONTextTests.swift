import Foundation
import Testing
import InterleaveTrace

/// The one JSON escaper every exporter uses: whatever a name holds, the literal it writes is
/// valid JSON, decodes to the same string, and carries no raw control character.
@Suite struct JSONTextTests {
    /// Every C0 control, DEL, every C1 control, and the two characters JSON itself reserves.
    static let awkwardScalars: [Unicode.Scalar] = {
        let values: [UInt32] = Array(0x00..<0x20) + [0x7F] + Array(0x80..<0xA0) + [0x22, 0x5C]
        return values.compactMap(Unicode.Scalar.init)
    }()

    @Test(arguments: awkwardScalars)
    func eachAwkwardCharacterRoundTripsAsTheSameString(scalar: Unicode.Scalar) throws {
        let text = "a" + String(Character(scalar)) + "b"
        let literal = JSONText.quoted(text)
        #expect(!literal.unicodeScalars.contains(where: ControlCharacters.contains), "no raw control in \(literal.debugDescription)")
        let viaDecoder = try JSONDecoder().decode(String.self, from: Data(literal.utf8))
        #expect(viaDecoder.unicodeScalars.elementsEqual(text.unicodeScalars))
        let viaSerialization = try JSONSerialization.jsonObject(with: Data(literal.utf8), options: .fragmentsAllowed) as? String
        #expect(viaSerialization?.unicodeScalars.elementsEqual(text.unicodeScalars) == true)
    }

    @Test func allOfThemTogetherWithOrdinaryTextRoundTrip() throws {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: Self.awkwardScalars)
        text.append(contentsOf: "é中🙂\u{2028}plain".unicodeScalars)
        let literal = JSONText.quoted(String(text))
        let decoded = try JSONDecoder().decode(String.self, from: Data(literal.utf8))
        #expect(decoded.unicodeScalars.elementsEqual(text))
    }

    @Test func controlCharactersAreC0DelAndC1Only() {
        let controls: [UInt32] = (0..<0x110000).filter { Unicode.Scalar($0).map(ControlCharacters.contains) ?? false }
        let expected: [UInt32] = Array(0x00..<0x20) + [0x7F] + Array(0x80..<0xA0)
        #expect(controls == expected)
    }
}
