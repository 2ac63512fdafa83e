import CNCurses
import InterleaveUI

/// What one `wget_wch` result means to the UI, before the backend asks ncurses for details.
enum DecodedInput: Equatable {
    case key(Key)
    /// KEY_MOUSE: the backend reads the event with `getmouse`.
    case mouse
    /// KEY_RESIZE: the backend reads the new size.
    case resize
}

/// Turns raw ncurses input codes into keys; pure, so every mapping is tested without a terminal.
///
/// ```swift
/// KeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(KEY_UP))   // .key(.up)
/// KeyDecoder.decode(status: OK, code: 3)                          // .key(.control("c"))
/// ```
enum KeyDecoder {
    /// Decodes a `wget_wch` result: `status` is its return value, `code` what it stored.
    ///
    /// Returns nil for a timeout (ERR) and for codes the UI has no key for.
    static func decode(status: Int32, code: UInt32) -> DecodedInput? {
        switch status {
        case OK: return character(code).map(DecodedInput.key)
        case KEY_CODE_YES: return keyCode(Int32(bitPattern: code))
        default: return nil
        }
    }

    /// A character read as text: printable characters, and the control codes terminals send for keys.
    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        // Escape, when nothing follows: the backend first reads what comes after an ESC, which
        // may be a sequence the terminfo entry does not know (EscapeSequenceParser).
        case 27: return .escape
        // DEL is what most terminals send for Backspace; ^H is what the others send, so it
        // means Backspace here rather than Ctrl-H.
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(0x60 + code))))
        case 0..<32, 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A function-key code (KEY_*).
    static func keyCode(_ code: Int32) -> DecodedInput? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .key(.function(Int(code - KEY_F0)))
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return .mouse
        default: return nil
        }
    }

    /// The kind of a mouse event from its `bstate`; nil for buttons and releases the UI ignores.
    static func mouseKind(buttonState: mmask_t) -> MouseEvent.Kind? {
        if buttonState & cncurses_wheel_up() != 0 { return .wheelUp }
        if buttonState & cncurses_wheel_down() != 0 { return .wheelDown }
        if buttonState & (cncurses_button1_pressed() | cncurses_button1_clicked()) != 0 { return .press }
        return nil
    }

    /// The mouse events the backend asks ncurses to report.
    static var mouseMask: mmask_t {
        cncurses_button1_pressed() | cncurses_wheel_up() | cncurses_wheel_down()
    }
}
