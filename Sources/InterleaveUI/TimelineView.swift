import InterleaveTrace

/// The timeline pane: one lane per task, tree-indented under its parent, with a bar over virtual
/// time drawn in each state's glyph and colour, a time axis and a "now" marker.
///
/// Only the lanes on screen are computed, each from its own task's event chain, so the cost of
/// a frame depends on the screen size, not on the length of the trace.
/// ```swift
/// TimelineView(context: context).draw(in: layout.timeline, into: &buffer)
/// ```
public struct TimelineView {
    public var context: ViewContext

    public init(context: ViewContext) { self.context = context }

    /// Draws the pane in `rect`: labels, the visible lanes, the axis and the legend.
    public func draw(in rect: Rect, into buffer: inout Buffer) {
        let state = context.state
        buffer.drawPane(rect, title: AppState.Pane.timeline.title, focused: state.focus == .timeline, context: context)
        var geometry = TimelineGeometry(rect: rect, presentation: state.presentation, laneCount: state.laneBudget)
        guard geometry.lanes.width > 4, geometry.visibleLanes > 0 else { return }
        let tree = TaskTree(store: context.store, taskCount: context.world.tasks.count)
        guard !tree.order.isEmpty else {
            buffer.write("no tasks yet", x: geometry.lanes.x, y: geometry.lanes.y, style: context.style(.dim))
            return
        }
        let first = max(0, min(state.scroll[.timeline], tree.order.count - geometry.visibleLanes))
        let shown = min(geometry.visibleLanes, tree.order.count - first)
        // Names take what the visible ones need (marker, indent, name, gap, state glyph), no more.
        let needed = (first..<(first + shown)).map { row in
            3 + Self.indent(tree.depth[row]) + context.store.taskName(tree.order[row]).unicodeScalars.count + 1
        }.max() ?? 10
        geometry.narrowLabels(to: needed)
        let scale = TimeScale(span: span, columns: geometry.lanes.width)
        if shown < tree.order.count {
            buffer.writeBorderNote("\(first + 1)-\(first + shown) of \(tree.order.count)", pane: rect, context: context)
        }
        let nowColumn = scale.column(context.world.time)
        var builder = LaneBuilder()
        for row in 0..<shown {
            let task = tree.order[first + row]
            let y = geometry.lanes.y + row * geometry.laneHeight
            drawLabel(task: task, depth: tree.depth[first + row], y: y, geometry: geometry, into: &buffer)
            let cells = builder.build(task: task, store: context.store, world: context.world, scale: scale)
            for line in 0..<geometry.barHeight {
                drawBar(cells, x: geometry.lanes.x, y: y + line, nowColumn: nowColumn, into: &buffer)
                // Over the state: where the schedule left FIFO is what a replayed failure is about.
                for column in builder.preemptedColumns {
                    buffer.set(geometry.lanes.x + column, y + line, Cell(context.glyphs.preempted, style: context.style(.preemption)))
                }
            }
        }
        drawAxis(scale: scale, nowColumn: nowColumn, geometry: geometry, into: &buffer)
        drawLegend(rect: rect, into: &buffer)
    }

    /// The time the axis must cover: the trace as far as the run has reached, so that a rewound
    /// view shows where "now" is, and a replay scales its axis as the live run did; never less
    /// than the furthest time reached before (a rewind starts a shorter trace), and rounded up
    /// to a nice span so that a growing run rescales seldom, not at every step.
    private var span: Int64 {
        let count = context.reachedEventCount
        let last = count > 0 ? context.store.events[count - 1].time : 0
        return TimeScale.niceSpan(max(last, context.world.time, context.state.timeAxisSpan, Self.minimumSpan))
    }

    /// The shortest span the axis shows, so that the first events of a run do not fill it.
    static let minimumSpan: Int64 = 100_000_000

    /// Indentation cells for a depth, capped so that deep trees keep room for names.
    static func indent(_ depth: Int) -> Int { min(depth, 4) * 2 }

    private func drawLabel(task: TaskID, depth: Int, y: Int, geometry: TimelineGeometry, into buffer: inout Buffer) {
        let snapshot = context.world.tasks[task.index]
        let selected = context.selectedTask == task
        let role: Role = selected ? .selection
            : snapshot.state == .failed ? .taskFailed
            : snapshot.state.isFinished ? .dim : .laneLabel
        let style = context.style(role)
        let width = geometry.labels.width
        let indent = String(repeating: " ", count: Self.indent(depth))
        let marker = selected ? String(context.glyphs.marker) : " "
        let name = context.fitName(context.store.taskName(task), width - 4 - indent.count)
        for line in 0..<geometry.laneHeight {
            buffer.writeRow(line == 0 ? marker + " " + indent + name : "", x: geometry.labels.x, y: y + line, width: width - 1, style: style)
        }
        // At a choice the user makes, each offered lane carries the digit that runs it.
        if let number = choiceNumber(of: task) {
            // In the marker's column: names start two cells in at every depth, so it never
            // touches one; a selected lane keeps its highlight.
            buffer.write(String(number), x: geometry.labels.x, y: y, style: (selected ? style : context.style(.preemption)).with(.bold))
        }
        // The state right now, as a glyph beside the name: the bar's last cell may show an
        // earlier, more telling state of the same column. An overdue sleeper reads as ready, as
        // its bar does.
        let overdue = snapshot.state == .sleeping
            && LaneBuilder.isOverdue(sleepingSince: snapshot.since, deadline: snapshot.deadline, at: context.world.time)
        let shown: TaskState = overdue ? .ready : snapshot.state
        buffer.set(geometry.labels.maxX - 1, y, Cell(context.glyphs.state(shown), style: context.theme.style(for: shown)))
    }

    /// The digit that chooses `task` at the pending choice (from 1), if it is offered there and
    /// the run waits for the user; digits stop at 9, the keys there are.
    private func choiceNumber(of task: TaskID) -> Int? {
        guard context.state.manualSchedule, let index = context.world.choiceOffer.firstIndex(of: task), index < 9 else {
            return nil
        }
        return index + 1
    }

    private func drawBar(_ cells: [UInt8], x: Int, y: Int, nowColumn: Int, into buffer: inout Buffer) {
        let glyphs = context.glyphs
        let nowStyle = context.style(.nowCursor)
        for (column, cell) in cells.enumerated() {
            if let state = LaneBuilder.state(cell) {
                buffer.set(x + column, y, Cell(glyphs.state(state), style: context.theme.style(for: state)))
            } else if column == nowColumn {
                // Empty lanes still show where "now" is, as a thin line.
                buffer.set(x + column, y, Cell(glyphs.vertical, style: nowStyle))
            }
        }
    }

    private func drawAxis(scale: TimeScale, nowColumn: Int, geometry: TimelineGeometry, into buffer: inout Buffer) {
        let axisStyle = context.style(.axis)
        let ticks = scale.ticks(spacing: 8)
        if !geometry.axisLine.isEmpty {
            let y = geometry.axisLine.y
            for column in 0..<geometry.axisLine.width {
                buffer.set(geometry.axisLine.x + column, y, Cell(context.glyphs.horizontal, style: axisStyle))
            }
            for tick in ticks { buffer.set(geometry.axisLine.x + tick.column, y, Cell(context.glyphs.tick, style: axisStyle)) }
            buffer.set(geometry.axisLine.x + nowColumn, y, Cell(context.glyphs.nowMarker, style: context.style(.nowCursor)))
        }
        var nextFree = 0
        let y = geometry.axisLabels.y
        for tick in ticks where tick.column >= nextFree {
            // A label near the right edge moves left to fit, as long as it clears the previous one.
            let x = min(tick.column, geometry.axisLabels.width - tick.label.count)
            guard x >= nextFree else { continue }
            buffer.write(tick.label, x: geometry.axisLabels.x + x, y: y, style: axisStyle)
            nextFree = x + tick.label.count + 1
        }
        // The axis row's left part, under the names, tells the time of "now".
        let now = "now " + formatSeconds(context.world.time)
        buffer.write(now, x: geometry.labels.x, y: y, style: context.style(.nowCursor), maxWidth: geometry.labels.width)
    }

    /// True when the loop is blocked and some sleeper's deadline has passed (one pass over the
    /// tasks, only while blocked).
    private var hasOverdueSleeper: Bool {
        let world = context.world
        guard !world.blockingTask.isNone else { return false }
        return world.tasks.contains { task in
            task.state == .sleeping && LaneBuilder.isOverdue(sleepingSince: task.since, deadline: task.deadline, at: world.time)
        }
    }

    /// A key to the glyphs in the bottom border, as much as fits.
    private func drawLegend(rect: Rect, into buffer: inout Buffer) {
        // While the loop is blocked, timers that came due wait for it: drawn as ready, and said so.
        let ready = hasOverdueSleeper ? "ready/overdue" : "ready"
        let states: [(TaskState, String)] = [
            (.running, "run"), (.ready, ready), (.sleeping, "sleep"), (.waiting, "wait"),
            (.blocking, "block"), (.returned, "done"), (.failed, "fail"), (.cancelled, "cancel"),
            // A task spawned but not yet started (┄): brief, so last where the width runs out.
            (.created, "new"),
        ]
        // A replayed schedule's marker keeps its room: the states give way to it.
        let marksPreemptions = hasPreemptions
        let preemptionRoom = Self.preemptionWord.count + 3
        var x = rect.x + 2
        let limit = rect.maxX - 2 - (marksPreemptions ? preemptionRoom : 0)
        for (state, word) in states {
            let needed = word.count + 3
            guard x + needed <= limit else { break }
            drawLegendEntry(context.glyphs.state(state), word, style: context.theme.style(for: state), x: x, rect: rect, into: &buffer)
            x += needed
        }
        if marksPreemptions, x + preemptionRoom <= rect.maxX - 2 {
            drawLegendEntry(
                context.glyphs.preempted, Self.preemptionWord, style: context.style(.preemption), x: x, rect: rect, into: &buffer)
        }
    }

    /// The legend's word for the preemption marker: the task it marks ran ahead of FIFO.
    static let preemptionWord = "ahead"

    /// True when the trace's schedule leaves FIFO somewhere (its header says so, or the view
    /// has passed a `.preempted` event): the legend then explains the marker.
    private var hasPreemptions: Bool {
        context.world.preemptions > 0 || context.store.header.divergingChoices > 0
    }

    private func drawLegendEntry(
        _ glyph: Unicode.Scalar, _ word: String, style: Style, x: Int, rect: Rect, into buffer: inout Buffer
    ) {
        buffer.set(x, rect.maxY - 1, Cell(" ", style: context.style(.dim)))
        buffer.set(x + 1, rect.maxY - 1, Cell(glyph, style: style))
        buffer.write(word + " ", x: x + 2, y: rect.maxY - 1, style: context.style(.dim))
    }
}
