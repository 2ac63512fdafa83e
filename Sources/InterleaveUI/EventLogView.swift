import InterleaveTrace

/// The event log: the latest events as short sentences ("1.000s task2 finished"), newest at
/// the bottom, scrollable back through history.
///
/// It reads backwards from the cursor and stops once the pane is full, so its cost does not
/// grow with the trace.
/// ```swift
/// EventLogView(context: context).draw(in: layout.log, into: &buffer)
/// ```
public struct EventLogView {
    public var context: ViewContext
    /// How far back to look for describable events before giving up (jobs alone are not listed).
    static let scanLimit = 50_000

    public init(context: ViewContext) { self.context = context }

    /// Draws the pane in `rect`, oldest of the shown events at the top.
    public func draw(in rect: Rect, into buffer: inout Buffer) {
        buffer.drawPane(rect, title: AppState.Pane.log.title, focused: context.state.focus == .log, context: context)
        let inner = rect.inset(by: 1)
        guard inner.width > 8, inner.height > 0 else { return }
        let skip = context.state.scroll[.log]
        let entries = latest(count: inner.height + skip)
        let shown = entries.dropFirst(min(skip, max(0, entries.count - inner.height))).prefix(inner.height)
        if skip > 0 { buffer.writeBorderNote("scrolled back \(skip)", pane: rect, context: context) }
        // Oldest at the top, newest at the bottom, like a terminal.
        let top = inner.maxY - shown.count
        for (offset, entry) in shown.reversed().enumerated() {
            let y = top + offset
            let time = formatSeconds(entry.event.time)
            let used = buffer.write(time, x: inner.x, y: y, style: context.style(.logTime), maxWidth: inner.width)
            let room = inner.width - used - 1
            guard room > 0 else { continue }
            let text = context.fitSentence(entry.text, naming: context.taskNames(in: entry.event), room)
            buffer.write(text, x: inner.x + used + 1, y: y, style: context.style(role(of: entry.event)))
        }
        if shown.isEmpty {
            buffer.write("no events yet", x: inner.x, y: inner.y, style: context.style(.dim))
        }
    }

    /// Up to `count` describable events, newest first.
    func latest(count: Int) -> [(event: TraceEvent, text: String)] {
        var found: [(event: TraceEvent, text: String)] = []
        var index = min(context.world.eventCount, context.store.events.count) - 1
        let stop = max(0, index - Self.scanLimit)
        while index >= stop, found.count < count {
            let event = context.store.events[index]
            // Jobs and captions are never listed; skipping them here keeps long runs of jobs cheap.
            if event.kind == .taskResumed || event.kind == .taskYielded || event.kind == .caption { index -= 1; continue }
            if let text = EventText.describe(event, in: context.store) { found.append((event, text)) }
            index -= 1
        }
        return found
    }

    private func role(of event: TraceEvent) -> Role {
        switch event.kind {
        case .taskFailed, .futureFailed: .taskFailed
        case .taskCancelled, .futureCancelled: .taskCancelled
        // A schedule's choice against FIFO is why a replayed failure happened: it stands out too.
        case .deadlock, .lint, .checkFailed, .preempted, .loopBlockStarted, .loopBlockEnded, .faultInjected: .lockContended
        case .output: .logOutput
        case .taskWaiting: .taskWaiting
        case .taskReturned: .futureResolved
        default: .logText
        }
    }
}
