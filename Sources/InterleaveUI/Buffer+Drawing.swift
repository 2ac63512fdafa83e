/// Drawing helpers shared by the views: boxes, pane frames and padded rows.
extension Buffer {
    /// Draws a box along the edge of `rect`.
    public mutating func drawBox(_ rect: Rect, style: Style, glyphs: Glyphs) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        for x in (rect.x + 1)..<(rect.maxX - 1) {
            set(x, rect.y, Cell(glyphs.horizontal, style: style))
            set(x, rect.maxY - 1, Cell(glyphs.horizontal, style: style))
        }
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            set(rect.x, y, Cell(glyphs.vertical, style: style))
            set(rect.maxX - 1, y, Cell(glyphs.vertical, style: style))
        }
        set(rect.x, rect.y, Cell(glyphs.topLeft, style: style))
        set(rect.maxX - 1, rect.y, Cell(glyphs.topRight, style: style))
        set(rect.x, rect.maxY - 1, Cell(glyphs.bottomLeft, style: style))
        set(rect.maxX - 1, rect.maxY - 1, Cell(glyphs.bottomRight, style: style))
    }

    /// Clears `rect` and draws a framed pane titled `title`; the border is highlighted when focused.
    mutating func drawPane(_ rect: Rect, title: String, focused: Bool, context: ViewContext) {
        fill(rect)
        drawBox(rect, style: context.style(focused ? .focusedBorder : .paneBorder), glyphs: context.glyphs)
        guard rect.width > 6 else { return }
        write(" \(title) ", x: rect.x + 2, y: rect.y, style: context.style(.paneTitle), maxWidth: rect.width - 4)
    }

    /// Clears `rect` and frames it as a dialog over the panes, with a title and a closing hint.
    mutating func drawOverlay(_ rect: Rect, title: String, hint: String, context: ViewContext) {
        fill(rect, with: Cell(" ", style: context.style(.overlay)))
        drawBox(rect, style: context.style(.overlayBorder), glyphs: context.glyphs)
        write(" \(title) ", x: rect.x + 2, y: rect.y, style: context.style(.overlayBorder), maxWidth: rect.width - 4)
        let hintText = " \(hint) "
        let length = hintText.unicodeScalars.count
        if rect.width > length + 4 {
            write(hintText, x: rect.maxX - 2 - length, y: rect.maxY - 1, style: context.style(.dim))
        }
    }

    /// Writes a note right-aligned in the top border of a pane (counts, scroll position).
    mutating func writeBorderNote(_ note: String, pane rect: Rect, row: Int? = nil, context: ViewContext) {
        let text = " \(note) "
        let length = text.unicodeScalars.count
        guard rect.width > length + 14 else { return }
        write(text, x: rect.maxX - 2 - length, y: row ?? rect.y, style: context.style(.dim))
    }

    /// Writes `text` and pads the rest of `width` with spaces in the same style (for highlighted rows).
    @discardableResult
    mutating func writeRow(_ text: String, x: Int, y: Int, width: Int, style: Style) -> Int {
        let used = write(text, x: x, y: y, style: style, maxWidth: width)
        if used < width { fill(Rect(x: x + used, y: y, width: width - used, height: 1), with: Cell(" ", style: style)) }
        return used
    }
}
