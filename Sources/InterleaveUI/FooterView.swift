/// The footer: the keys that matter now, generated from `KeyMap`, with help and quit pinned to
/// the right so that they survive any width.
///
/// ```swift
/// FooterView(context: context, keyMap: KeyMap(glyphs: .unicode)).draw(in: layout.footer, into: &buffer)
/// // " space pause  s/→ step  b/← back  …                                  ? help  q quit "
/// ```
public struct FooterView {
    public var context: ViewContext
    public var keyMap: KeyMap

    public init(context: ViewContext, keyMap: KeyMap) {
        self.context = context
        self.keyMap = keyMap
    }

    /// Draws the footer row in `rect`.
    public func draw(in rect: Rect, into buffer: inout Buffer) {
        guard !rect.isEmpty else { return }
        let mode = context.state.mode
        buffer.fill(rect, with: Cell(" ", style: context.style(.footerText)))
        let entries = keyMap.footerBindings(mode: mode, isReplay: context.state.isReplay).map { binding in
            (key: binding.footerKey, word: binding.footer(in: mode), pinned: Self.isPinned(binding.action))
        }
        let pinned = entries.filter(\.pinned)
        let pinnedWidth = pinned.reduce(0) { $0 + Self.width(key: $1.key, word: $1.word) }
        var x = rect.x
        for entry in entries where !entry.pinned {
            guard x + Self.width(key: entry.key, word: entry.word) <= rect.maxX - pinnedWidth else { break }
            x = drawEntry(key: entry.key, word: entry.word, x: x, y: rect.y, into: &buffer)
        }
        x = rect.maxX - pinnedWidth
        for entry in pinned where x >= rect.x {
            x = drawEntry(key: entry.key, word: entry.word, x: x, y: rect.y, into: &buffer)
        }
    }

    /// Help and quit must always be reachable.
    static func isPinned(_ action: Action) -> Bool { action == .toggleHelp || action == .quit }

    /// Cells one entry takes: the key with a space either side, the word, two spaces.
    static func width(key: String, word: String) -> Int { key.unicodeScalars.count + 2 + word.unicodeScalars.count + 1 }

    private func drawEntry(key: String, word: String, x: Int, y: Int, into buffer: inout Buffer) -> Int {
        var x = x
        x += buffer.write(" \(key) ", x: x, y: y, style: context.style(.footerKey))
        x += buffer.write(word + " ", x: x, y: y, style: context.style(.footerText))
        return x
    }
}
