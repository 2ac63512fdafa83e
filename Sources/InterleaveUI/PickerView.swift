/// The demo picker: the catalogue with titles and summaries, one highlighted.
///
/// ```swift
/// let buffer = PickerView(entries: entries, selected: 0, theme: .color).render(width: 80, height: 24)
/// ```
public struct PickerView {
    /// One demo as the picker lists it.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var title: String
        public var summary: String
        public init(name: String, title: String, summary: String) {
            self.name = name
            self.title = title
            self.summary = summary
        }
    }

    public var entries: [Entry]
    public var selected: Int
    public var theme: Theme

    public init(entries: [Entry], selected: Int, theme: Theme) {
        self.entries = entries
        self.selected = selected
        self.theme = theme
    }

    public func render(width: Int, height: Int) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        guard width >= 40, height >= 8 else {
            buffer.write("Terminal too small: need 40×8, have \(width)×\(height)", x: 0, y: 0, style: theme.style(.diagnostic))
            return buffer
        }
        buffer.fill(Rect(x: 0, y: 0, width: width, height: 1), with: Cell(" ", style: theme.style(.headerBar)))
        buffer.write(" Interleave — pick a demo", x: 0, y: 0, style: theme.style(.headerBar))
        let listTop = 2
        let listHeight = height - listTop - 3
        let first = max(0, min(selected - listHeight / 2, entries.count - listHeight))
        let nameWidth = min(16, entries.map(\.name.count).max() ?? 8)
        for row in 0..<min(listHeight, entries.count) {
            let index = first + row
            guard index < entries.count else { break }
            let entry = entries[index]
            let y = listTop + row
            let isSelected = index == selected
            let style = isSelected ? theme.style(.selection) : .plain
            if isSelected { buffer.fill(Rect(x: 0, y: y, width: width, height: 1), with: Cell(" ", style: style)) }
            buffer.write(isSelected ? "▶" : " ", x: 1, y: y, style: style)
            buffer.write(entry.name, x: 3, y: y, style: isSelected ? style : theme.style(.title), maxWidth: nameWidth)
            buffer.write(entry.title, x: 4 + nameWidth, y: y, style: style, maxWidth: width - 5 - nameWidth)
        }
        if entries.indices.contains(selected) {
            buffer.write(entries[selected].summary, x: 2, y: height - 3, style: theme.style(.caption), maxWidth: width - 4)
        }
        buffer.write("↑/↓ or j/k choose · Home/End first/last · Enter run · q quit", x: 2, y: height - 1, style: theme.style(.footerText))
        return buffer
    }
}
