import Foundation

/// Reads a demo's own source for the code pane.
///
/// Demos are shown from the files they are compiled from, found through `#filePath`; a binary
/// moved away from its checkout shows no code pane, and recordings carry the text with them.
enum DemoSource {
    static func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path), data.count < 1 << 20 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
