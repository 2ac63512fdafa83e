/// What the screen shows when the terminal is smaller than the layout needs.
///
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
        let times = context.glyphs.times
        let lines = [
            "Terminal too small: need \(Layout.minimumWidth)\(times)\(Layout.minimumHeight), have \(rect.width)\(times)\(rect.height)",
            "Enlarge the window, or press q to quit.",
        ]
        let top = rect.y + max(0, (rect.height - lines.count) / 2)
        for (row, line) in lines.enumerated() where top + row < rect.maxY {
            let text = context.fit(line, rect.width)
            let x = rect.x + max(0, (rect.width - text.unicodeScalars.count) / 2)
            buffer.write(text, x: x, y: top + row, style: context.style(row == 0 ? .title : .dim))
        }
    }
}
