import CNCurses
import InterleaveUI
import Testing
@testable import InterleaveTerminal

@Suite struct KeyDecoderTests {
    private func character(_ code: UInt32) -> DecodedInput? { KeyDecoder.decode(status: OK, code: code) }
    private func keyCode(_ code: Int32) -> DecodedInput? {
        KeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(bitPattern: code))
    }

    @Test func timeoutIsNoInput() {
        #expect(KeyDecoder.decode(status: ERR, code: 0) == nil)
    }

    @Test func printableCharactersIncludingNonASCII() {
        #expect(character(0x71) == .key(.character("q")))
        #expect(character(0x20) == .key(.character(" ")))
        #expect(character(0xE9) == .key(.character("é")))
        #expect(character(0x2500) == .key(.character("─")))
    }

    @Test func controlCodesThatTerminalsSendForKeys() {
        #expect(character(9) == .key(.tab))
        #expect(character(10) == .key(.enter))
        #expect(character(13) == .key(.enter))
        #expect(character(27) == .key(.escape))
        #expect(character(127) == .key(.backspace))
        #expect(character(8) == .key(.backspace))
    }

    @Test(arguments: [(1, "a"), (3, "c"), (12, "l"), (26, "z")])
    func controlLetters(code: UInt32, letter: Character) {
        #expect(character(code) == .key(.control(letter)))
    }

    @Test func otherControlCharactersAreIgnored() {
        for code: UInt32 in [0, 28, 29, 30, 31, 0x80, 0x9B, 0x9F] {
            #expect(character(code) == nil, "code \(code)")
        }
    }

    @Test func invalidScalarsAreIgnored() {
        #expect(character(0xD800) == nil)
        #expect(character(0x110000) == nil)
    }

    @Test func navigationKeys() {
        #expect(keyCode(KEY_UP) == .key(.up))
        #expect(keyCode(KEY_DOWN) == .key(.down))
        #expect(keyCode(KEY_LEFT) == .key(.left))
        #expect(keyCode(KEY_RIGHT) == .key(.right))
        #expect(keyCode(KEY_PPAGE) == .key(.pageUp))
        #expect(keyCode(KEY_NPAGE) == .key(.pageDown))
        #expect(keyCode(KEY_HOME) == .key(.home))
        #expect(keyCode(KEY_END) == .key(.end))
    }

    @Test func editingKeys() {
        #expect(keyCode(KEY_ENTER) == .key(.enter))
        #expect(keyCode(KEY_BTAB) == .key(.backTab))
        #expect(keyCode(KEY_BACKSPACE) == .key(.backspace))
    }

    @Test func functionKeys() {
        #expect(keyCode(KEY_F0 + 1) == .key(.function(1)))
        #expect(keyCode(KEY_F0 + 12) == .key(.function(12)))
        #expect(keyCode(KEY_F0 + 63) == .key(.function(63)))
        #expect(keyCode(KEY_F0) == nil)
    }

    @Test func resizeAndMouseAreHandedToTheBackend() {
        #expect(keyCode(KEY_RESIZE) == .resize)
        #expect(keyCode(KEY_MOUSE) == .mouse)
    }

    @Test func unknownKeyCodesAreIgnored() {
        #expect(keyCode(KEY_DC) == nil)
        #expect(keyCode(KEY_IC) == nil)
    }

    @Test func mouseButtonsAndWheel() {
        #expect(KeyDecoder.mouseKind(buttonState: cncurses_button1_pressed()) == .press)
        #expect(KeyDecoder.mouseKind(buttonState: cncurses_button1_clicked()) == .press)
        #expect(KeyDecoder.mouseKind(buttonState: cncurses_wheel_up()) == .wheelUp)
        #expect(KeyDecoder.mouseKind(buttonState: cncurses_wheel_down()) == .wheelDown)
        #expect(KeyDecoder.mouseKind(buttonState: 0) == nil)
    }

    @Test func mouseMaskAsksForExactlyWhatIsDecoded() {
        let mask = KeyDecoder.mouseMask
        #expect(mask & cncurses_button1_pressed() != 0)
        #expect(mask & cncurses_wheel_up() != 0)
        #expect(mask & cncurses_wheel_down() != 0)
    }
}
