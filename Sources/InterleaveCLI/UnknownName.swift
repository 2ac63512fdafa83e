import Demos

/// The CLI's one answer to a name it does not know, worded the same wherever the name was
/// typed (`interleave demo`, a playlist line, `interleave help`): the closest names, or where
/// to find them all when none is close. The name is escaped: it came from the user.
///
/// ```swift
/// UnknownName.demo("gathr")   // "unknown demo 'gathr': did you mean gather?"
/// ```
enum UnknownName {
    static func message(_ kind: String, _ name: String, among names: [String], otherwise fallback: String) -> String {
        let close = Catalogue.suggestions(for: name, among: names)
        let hint = close.isEmpty ? fallback : "did you mean \(close.joined(separator: ", "))?"
        return "unknown \(kind) '\(SafeName.escape(name))': \(hint)"
    }

    static func demo(_ name: String) -> String {
        message("demo", name, among: Catalogue.all.map(\.name), otherwise: "run `interleave list` to see them")
    }
}
