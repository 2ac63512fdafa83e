/// The demo picker: the catalogue with titles and summaries, one highlighted, and the keys of
/// the picker mode from the same key map as a run's.
///
/// ```swift
/// let state = AppState(picker: PickerState(entries: entries), width: 80, height: 24)
/// let buffer = Screen.render(store: TraceStore(), world: WorldState(), state: state,
///                            theme: .color, glyphs: .unicode, width: 80, height: 24)
/// ```
public struct PickerView {
    public var context: ViewContext
    public var keyMap: KeyMap

    public init(context: ViewContext, keyMap: KeyMap) {
        self.context = context
        self.keyMap = keyMap
    }

    /// The smallest terminal the picker lays out in.
    static let minimumWidth = 40, minimumHeight = 8
    /// The list's first row: under the title bar and a blank line.
    static let listTop = 2

    /// How many demos the list shows at `height`: all rows but the title, the blank under it,
    /// the summary with a blank above, and the footer.
    static func listRows(height: Int) -> Int { max(0, height - listTop - 3) }

    /// The list row at screen row `y`, if `y` is in the list.
    static func row(atY y: Int, height: Int) -> Int? {
        let row = y - listTop
        return (0..<listRows(height: height)).contains(row) ? row : nil
    }

    public func render(width: Int, height: Int) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        let theme = context.theme
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            let times = context.glyphs.times
            let need = "\(Self.minimumWidth)\(times)\(Self.minimumHeight), have \(width)\(times)\(height)"
            // Two short lines, so that the sizes still show in a very narrow terminal.
            buffer.write("Terminal too small:", x: 0, y: 0, style: theme.style(.diagnostic))
            buffer.write("need \(need)", x: 0, y: 1, style: theme.style(.diagnostic))
            return buffer
        }
        buffer.fill(Rect(x: 0, y: 0, width: width, height: 1), with: Cell(" ", style: theme.style(.headerBar)))
        let dash = context.glyphs == .ascii ? "-" : "—"
        let picker = context.state.picker ?? PickerState(entries: [])
        let hasChallenges = picker.entries.contains { $0.isChallenge }
        buffer.write(" Interleave \(dash) pick a demo\(hasChallenges ? " or a challenge" : "")", x: 0, y: 0, style: theme.style(.headerBar))
        // Whether demos open scheduled by hand (`m`), at the right of the bar.
        let schedule = picker.manualSchedule ? "schedule: yours (m) " : "schedule: FIFO (m) "
        if width >= 60 {
            buffer.write(schedule, x: width - schedule.count, y: 0, style: theme.style(.headerBar))
        }
        drawList(picker, width: width, height: height, into: &buffer)
        if let entry = picker.highlighted {
            let best = entry.bestChoices.map { " (solved: best \($0) choice\($0 == 1 ? "" : "s"))" } ?? ""
            buffer.write(context.fit(entry.summary + best, width - 4), x: 2, y: height - 3, style: theme.style(.caption))
        }
        FooterView(context: context, keyMap: keyMap).draw(in: Rect(x: 0, y: height - 1, width: width, height: 1), into: &buffer)
        if context.state.showHelp {
            HelpOverlay(context: context, keyMap: keyMap).draw(in: Rect(x: 0, y: 1, width: width, height: height - 2), into: &buffer)
        }
        return buffer
    }

    /// One row per demo: a marker in column 1 on the highlighted one, its name, its title; the
    /// challenges under a heading of their own, each with its difficulty before its goal.
    private func drawList(_ picker: PickerState, width: Int, height: Int, into buffer: inout Buffer) {
        let theme = context.theme
        let visible = Self.listRows(height: height)
        let rows = picker.rows
        let first = picker.firstVisible(rows: visible)
        // Names whole (they are what `interleave demo NAME` takes), up to a third of the width.
        let nameWidth = min(max(8, width / 3), picker.entries.map(\.name.count).max() ?? 8)
        let levelWidth = picker.entries.compactMap { $0.challengeDifficulty?.count }.max() ?? 0
        for (row, shown) in rows[first..<min(first + visible, rows.count)].enumerated() {
            let y = Self.listTop + row
            guard case .entry(let index) = shown else {
                let dash = context.glyphs == .ascii ? "--" : "──"
                buffer.write("\(dash) Challenges: schedule by hand until it breaks \(dash)", x: 1, y: y, style: theme.style(.title), maxWidth: width - 2)
                continue
            }
            let entry = picker.entries[index]
            let isSelected = index == picker.selected
            let style = isSelected ? theme.style(.selection) : .plain
            if isSelected { buffer.fill(Rect(x: 0, y: y, width: width, height: 1), with: Cell(" ", style: style)) }
            buffer.write(isSelected ? String(context.glyphs.marker) : " ", x: 1, y: y, style: style)
            buffer.write(entry.name, x: 3, y: y, style: isSelected ? style : theme.style(.title), maxWidth: nameWidth)
            var x = 4 + nameWidth
            if let level = entry.challengeDifficulty {
                buffer.write(level, x: x, y: y, style: isSelected ? style : theme.style(.dim), maxWidth: levelWidth)
                // Solved ones are ticked (a star without Unicode).
                if entry.bestChoices != nil {
                    buffer.write(context.glyphs == .ascii ? "*" : "✓", x: x + levelWidth + 1, y: y, style: isSelected ? style : theme.style(.title))
                }
                x += levelWidth + 3
            }
            buffer.write(entry.title, x: x, y: y, style: style, maxWidth: width - 1 - x)
        }
    }
}
