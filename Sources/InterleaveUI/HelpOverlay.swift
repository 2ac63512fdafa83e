/// The help overlay: every key binding with its help text, generated from the same `KeyMap`
/// as the footer. Keys that do nothing in the current mode are dimmed.
///
/// ```swift
/// HelpOverlay(context: context, keyMap: keyMap).draw(in: buffer.bounds, into: &buffer)
/// ```
public struct HelpOverlay {
    public var context: ViewContext
    public var keyMap: KeyMap

    public init(context: ViewContext, keyMap: KeyMap) {
        self.context = context
        self.keyMap = keyMap
    }

    /// Draws a box centred in `area`, in one column when it fits, else two.
    public func draw(in area: Rect, into buffer: inout Buffer) {
        let mode = context.state.mode
        let bindings = keyMap.helpBindings(mode: mode)
        guard !bindings.isEmpty, area.width > 20, area.height > 6 else { return }
        let labelWidth = bindings.map { $0.label.unicodeScalars.count }.max() ?? 4
        let helpWidth = bindings.map { $0.help.unicodeScalars.count }.max() ?? 10
        let columnWidth = labelWidth + 2 + helpWidth
        let maxRows = area.height - 4
        let columns = bindings.count <= maxRows ? 1 : 2
        let rows = (bindings.count + columns - 1) / columns
        let legend = legendText
        let width = min(area.width - 2, max(columns * columnWidth + (columns - 1) * 3, legend.unicodeScalars.count) + 4)
        let height = min(area.height, rows + 4)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        buffer.drawOverlay(box, title: "Keys", hint: "? or esc closes", context: context)
        let inner = Rect(x: box.x + 2, y: box.y + 2, width: box.width - 4, height: box.height - 4)
        let cellWidth = columns == 1 ? inner.width : (inner.width - 3) / 2
        for (index, binding) in bindings.enumerated() {
            let column = index / rows, row = index % rows
            guard row < inner.height else { continue }
            let x = inner.x + column * (cellWidth + 3)
            let y = inner.y + row
            let active = binding.modes.contains(mode)
            buffer.write(binding.label, x: x, y: y, style: context.style(active ? .title : .dim), maxWidth: labelWidth)
            let helpRoom = cellWidth - labelWidth - 2
            buffer.write(context.fit(binding.help, helpRoom), x: x + labelWidth + 2, y: y, style: context.style(active ? .overlay : .dim))
        }
        buffer.write(context.fit(legend, inner.width), x: inner.x, y: box.y + 1, style: context.style(.dim))
    }

    /// A one-line key to the state glyphs, for readers who cannot tell the colours apart; the
    /// picker has no lanes to explain.
    private var legendText: String {
        guard context.state.mode != .picker else { return "" }
        let glyphs = context.glyphs
        return "\(glyphs.running) run  \(glyphs.ready) ready  \(glyphs.sleeping) sleep  \(glyphs.waiting) wait  "
            + "\(glyphs.blocking) block  \(glyphs.done) done  \(glyphs.failed) fail  \(glyphs.cancelled) cancel"
    }
}
