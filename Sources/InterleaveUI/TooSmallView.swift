/// What the screen shows when the terminal is smaller than the layout needs.
///
/// The wording shortens with the space: the longest message that fits whole is shown, down to
/// "Need 80×24" and "q quits" on a 10×3 terminal, so the message itself is never cut off.
/// ```swift
/// TooSmallView(context: context).draw(in: buffer.bounds, into: &buffer)
/// // "Terminal too small: need 80×24, have 60×20"
/// ```
public struct TooSmallView {
    public var context: ViewContext

    public init(context: ViewContext) { self.context = context }

    /// Clears `rect` and centres the message in it.
    public func draw(in rect: Rect, into buffer: inout Buffer) {
        buffer.fill(rect)
        guard !rect.isEmpty else { return }
        let lines = Self.message(width: rect.width, height: rect.height, times: context.glyphs.times)
        let top = rect.y + max(0, (rect.height - lines.count) / 2)
        for (row, line) in lines.enumerated() where top + row < rect.maxY {
            let text = context.fit(line, rect.width)
            let x = rect.x + max(0, (rect.width - text.unicodeScalars.count) / 2)
            buffer.write(text, x: x, y: top + row, style: context.style(row == 0 ? .title : .dim))
        }
    }

    /// The longest wording whose lines all fit `width` × `height`; the shortest one otherwise.
    public static func message(width: Int, height: Int, times: String = "×") -> [String] {
        let need = "\(Layout.minimumWidth)\(times)\(Layout.minimumHeight)"
        let have = "\(width)\(times)\(height)"
        let wordings = [
            ["Terminal too small: need \(need), have \(have)", "Enlarge the window, or press q to quit."],
            ["Too small: need \(need), have \(have)", "Enlarge it, or press q to quit."],
            ["Too small: need \(need)", "Enlarge, or q to quit"],
            ["Need \(need)", "q quits"],
            ["Need \(need)"],
            ["Too small"],
        ]
        return wordings.first { lines in
            lines.count <= height && lines.allSatisfy { $0.unicodeScalars.count <= width }
        } ?? wordings[wordings.count - 1]
    }
}
