/// The one definition of "control character" for every place that must keep them out of
/// output: C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F). C1 matters as much as C0:
/// U+009B is a one-character CSI to many terminals, so leaving it out lets a name drive them.
///
/// ```swift
/// ControlCharacters.contains("\u{9B}")   // true
/// ControlCharacters.contains("é")        // false
/// ```
public enum ControlCharacters {
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }
}
