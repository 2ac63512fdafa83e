/// The JSON string escaper for every exporter (JSONL, Chrome trace, asciinema cast): one
/// definition, so that no exporter can let a raw control byte from a hostile name into its file.
///
/// Escapes `"` and `\`, and writes every control character (`ControlCharacters`: C0, DEL, C1)
/// as an escape: `\n`, `\r`, `\t` in their short forms for legibility, the rest as `\u00XX`.
/// Fast enough for exporters that stream millions of lines.
///
/// ```swift
/// JSONText.quoted("a\"b\u{1B}[2J")   // "\"a\\\"b\\u001b[2J\""
/// ```
public enum JSONText {
    public static func quoted(_ text: String) -> String {
        // Most names and sentences need no escape: one scan of the bytes, then one copy. 0xC2
        // leads every C1 control's UTF-8 (and a few printable characters, which take the slow path).
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 }) {
            return "\"" + text + "\""
        }
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if ControlCharacters.contains(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
