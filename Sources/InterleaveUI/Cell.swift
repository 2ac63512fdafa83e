import InterleaveTrace

/// One character cell of the screen: a scalar and its style, in 8 bytes.
public struct Cell: Sendable, Hashable {
    public var scalar: Unicode.Scalar
    public var style: Style
    public init(_ scalar: Unicode.Scalar = " ", style: Style = .plain) {
        self.scalar = scalar
        self.style = style
    }
    public static let blank = Cell()
}

/// Makes untrusted text safe to show: control characters and escape sequences become visible
/// escapes, so a name from a trace file can never write to the terminal.
///
/// ```swift
/// SafeText.escape("\u{1B}]0;pwned\u{07}")   // "\\e]0;pwned\\a"
/// ```
public enum SafeText {
    public static func escape(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where isControl(scalar) { needsWork = true; break }
        guard needsWork else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else { out.append(scalar); continue }
            out.append(contentsOf: visible(scalar).unicodeScalars)
        }
        return String(out)
    }

    /// True for C0, DEL and C1 control characters (the shared `ControlCharacters` definition).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        ControlCharacters.contains(scalar)
    }

    static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x1B: return "\\e"
        case 0x07: return "\\a"
        case 0x08: return "\\b"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\\x" + (hex.count < 2 ? "0" + hex : hex)
        }
    }
}
