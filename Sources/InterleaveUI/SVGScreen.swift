/// A rendered screen (a `Buffer` of styled cells) as an SVG picture of a terminal: a rectangle
/// per run of one background colour and a `<text>` per run of one style, on a dark page.
///
/// Each text run is given its exact width (`textLength`), so columns stay aligned whatever
/// monospace font the viewer finds, and box-drawing glyphs from a fallback font cannot push a
/// line out of step. Reverse video swaps the colours, dim lowers the opacity.
/// ```swift
/// let buffer = Screen.render(store: store, world: world, state: state, theme: .color,
///                            glyphs: .unicode, width: 120, height: 40)
/// let svg = SVGScreen(buffer: buffer, title: "lock demo at 1.000s").render()
/// ```
public struct SVGScreen {
    public let buffer: Buffer
    public let title: String
    public var page: SVGPalette.Page = .dark
    /// Pixels per cell: a 14 px monospace font is about 8.4 px wide and 17 px tall.
    public var cellWidth = 8.4
    public var cellHeight = 17.0
    public var fontSize = 14.0

    public init(buffer: Buffer, title: String) {
        self.buffer = buffer
        self.title = title
    }

    public func render() -> String {
        var svg = SVGDocument(
            width: Double(buffer.width) * cellWidth, height: Double(buffer.height) * cellHeight, title: title,
            background: page.background)
        svg.group([("class", "backgrounds")])
        for y in 0..<buffer.height {
            forEachRun(in: y, key: { colors(of: $0.style).background }) { start, end, background in
                guard background != page.background else { return }
                svg.rect(
                    x: Double(start) * cellWidth, y: Double(y) * cellHeight, width: Double(end - start) * cellWidth,
                    height: cellHeight, fill: background)
            }
        }
        svg.end()
        svg.group([("class", "text"), ("font-size", SVGDocument.number(fontSize)), ("xml:space", "preserve")])
        for y in 0..<buffer.height {
            svg.group([("class", "row")])
            forEachRun(in: y, key: { $0.style }) { start, end, style in
                // Spaces at either end of a run are left to the background: viewers differ in
                // whether they keep them, and `textLength` would stretch what is left.
                var first = start, last = end
                if !style.attributes.contains(.underline) {
                    while first < last, buffer[first, y].scalar == " " { first += 1 }
                    while last > first, buffer[last - 1, y].scalar == " " { last -= 1 }
                }
                guard first < last else { return }
                let text = String(String.UnicodeScalarView((first..<last).map { buffer[$0, y].scalar }))
                svg.text(text, x: Double(first) * cellWidth, y: (Double(y) + 0.78) * cellHeight, extra: attributes(style, cells: last - first))
            }
            svg.end()
        }
        svg.end()
        return svg.render()
    }

    /// Calls `body` once per maximal run of cells in row `y` with an equal `key`.
    private func forEachRun<Key: Equatable>(in y: Int, key: (Cell) -> Key, _ body: (Int, Int, Key) -> Void) {
        var start = 0
        while start < buffer.width {
            let value = key(buffer[start, y])
            var end = start + 1
            while end < buffer.width, key(buffer[end, y]) == value { end += 1 }
            body(start, end, value)
            start = end
        }
    }

    private func colors(of style: Style) -> (foreground: String, background: String) {
        let foreground = SVGPalette.hex(style.foreground, page: page)
        let background = SVGPalette.backgroundHex(style.background, page: page)
        return style.attributes.contains(.reverse) ? (background, foreground) : (foreground, background)
    }

    private func attributes(_ style: Style, cells: Int) -> [(String, String)] {
        var out: [(String, String)] = [
            ("fill", colors(of: style).foreground),
            ("textLength", SVGDocument.number(Double(cells) * cellWidth)), ("lengthAdjust", "spacingAndGlyphs"),
            ("xml:space", "preserve"), ("style", "white-space:pre"),
        ]
        if style.attributes.contains(.bold) { out.append(("font-weight", "bold")) }
        if style.attributes.contains(.dim) { out.append(("fill-opacity", "0.6")) }
        if style.attributes.contains(.underline) { out.append(("text-decoration", "underline")) }
        return out
    }
}
