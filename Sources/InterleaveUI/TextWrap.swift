/// Greedy word wrapping at spaces, shared by the caption bar and the CLI's listings.
///
/// ```swift
/// TextWrap.lines("one two three", width: 7)                  // ["one two", "three"]
/// TextWrap.lines("one two three", width: 3, maxLines: 2)     // ["one", "two three"]
/// ```
public enum TextWrap {
    /// Splits `text` into lines of at most `width` cells at spaces; a word longer than the width
    /// gets a line of its own. With `maxLines`, the last line keeps the rest (for a view to cut).
    public static func lines(_ text: String, width: Int, maxLines: Int = .max) -> [String] {
        guard maxLines > 1, width > 0 else { return [text] }
        var result: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if result.count == maxLines - 1 { current += (current.isEmpty ? "" : " ") + word; continue }
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                result.append(current)
                current = String(word)
            }
        }
        result.append(current)
        return result
    }
}
