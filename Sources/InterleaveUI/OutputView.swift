import InterleaveTrace

/// The output pane: what the run printed ("main: Without a lock: 1 (expected 4)"), newest
/// last as in a terminal, scrollable back through history.
///
/// Printed lines are a demo's results, so they get a pane of their own: in the event log, the
/// events around them push them out before anyone has read them. Like the log, it reads
/// backwards from the cursor and stops once the pane is full.
/// ```swift
/// OutputView(context: context).draw(in: layout.output, into: &buffer)
/// ```
public struct OutputView {
    public var context: ViewContext
    /// How far back to look for printed lines before giving up, so a long silent run stays cheap.
    static let scanLimit = 50_000

    public init(context: ViewContext) { self.context = context }

    /// One printed line: who printed it and what.
    struct Line: Equatable {
        var task: String
        var text: String
    }

    /// Draws the pane in `rect`, the oldest of the shown lines at the top.
    public func draw(in rect: Rect, into buffer: inout Buffer) {
        buffer.drawPane(
            rect, title: AppState.Pane.output.title, focused: context.state.focus == .output, context: context)
        let inner = rect.inset(by: 1)
        guard inner.width > 8, inner.height > 0 else { return }
        let skip = context.state.scroll[.output]
        let lines = latest(count: inner.height + skip)
        let shown = lines.dropFirst(min(skip, max(0, lines.count - inner.height))).prefix(inner.height)
        if skip > 0, lines.count > inner.height { buffer.writeBorderNote("scrolled back", pane: rect, context: context) }
        guard !shown.isEmpty else {
            buffer.write("nothing printed yet", x: inner.x, y: inner.y, style: context.style(.dim))
            return
        }
        // From the top down, as a terminal fills; once full, the newest line is at the bottom.
        let top = inner.y
        // Names in a column, as a terminal running several tasks would be read; a third at most.
        let nameWidth = min(inner.width / 3, shown.map { $0.task.unicodeScalars.count + 1 }.max() ?? 1)
        for (offset, line) in shown.reversed().enumerated() {
            let y = top + offset
            buffer.write(context.fit(line.task + ":", nameWidth), x: inner.x, y: y, style: context.style(.logTime))
            let room = inner.width - nameWidth - 1
            guard room > 0 else { continue }
            buffer.write(context.fit(line.text, room), x: inner.x + nameWidth + 1, y: y, style: context.style(.logOutput))
        }
    }

    /// Up to `count` printed lines up to the cursor, newest first.
    func latest(count: Int) -> [Line] {
        let store = context.store
        var found: [Line] = []
        var index = min(context.world.eventCount, store.events.count) - 1
        let stop = max(0, index - Self.scanLimit)
        while index >= stop, found.count < count {
            let event = store.events[index]
            index -= 1
            guard event.kind == .output else { continue }
            let text = store.string(StringID(rawValue: UInt32(truncatingIfNeeded: event.arg)))
            found.append(Line(task: store.taskName(event.task), text: text))
        }
        return found
    }
}
