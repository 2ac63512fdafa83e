import InterleaveTrace

/// The whole run's timeline as one vector picture, for slides and handouts: a lane per task in
/// the TUI's order and colours, the time axis, the resources' holders and counts, numbered
/// captions, faults and failures marked, and the deadlock cycle outlined.
///
/// Time maps linearly to x. Jobs take no virtual time, so each is drawn at least
/// `minimumMarkWidth` wide (a state that lasts zero time likewise): a picture must show that
/// it happened even though it took no time. Every lane is a `<g class="lane">`; trace text is
/// escaped by `SVGDocument`.
/// ```swift
/// let svg = SVGTimeline(store: store).render()
/// try svg.write(toFile: "gather.svg", atomically: true, encoding: .utf8)
/// ```
public struct SVGTimeline {
    public let store: TraceStore
    public var width: Double = 1100
    public var theme: Theme = .color
    public var glyphs: Glyphs = .unicode
    /// The least width, in pixels, of a job or of a state that lasted no virtual time.
    public static let minimumMarkWidth = 3.0

    let labelWidth = 220.0
    let laneHeight = 22.0
    let margin = 16.0
    let lineHeight = 16.0
    let charWidth = 7.3

    public init(store: TraceStore) { self.store = store }

    var plotX: Double { margin + labelWidth }
    var plotWidth: Double { width - plotX - margin - 24 }

    public func render() -> String {
        let history = RunHistory(store: store)
        let header = store.header
        let span = max(history.endTime, 1)
        let scale = plotWidth / Double(span)
        func x(_ t: Int64) -> Double { plotX + Double(max(0, t)) * scale }

        let captionLines = history.captions.enumerated().flatMap { number, caption in
            Self.wrapped("\(number + 1). \(formatSeconds(caption.time))  \(caption.text)", width: textColumns)
        }
        let cycle = history.deadlockCycle(store: store).map { ["deadlock cycle: " + $0] } ?? []
        let noteLines = (cycle + history.marks.map { "\(formatSeconds($0.time))  \($0.text)" }).flatMap { Self.wrapped($0, width: textColumns) }
        let axisY = 96.0
        let lanesTop = axisY + 8
        let resourcesTop = lanesTop + Double(history.lanes.count) * laneHeight + (history.resources.isEmpty ? 0 : 26)
        let legendY = resourcesTop + Double(history.resources.count) * laneHeight + 26
        var listY = legendY + 30
        let height = listY + sectionHeight(captionLines) + sectionHeight(noteLines) + margin

        let title = header.title.isEmpty ? (header.demoName.isEmpty ? "interleave trace" : header.demoName) : header.title
        var svg = SVGDocument(width: width, height: height, title: title)
        svg.text(title, x: margin, y: 28, extra: [("font-size", "18"), ("font-weight", "bold"), ("fill", Self.ink)])
        var facts = header.demoName.isEmpty ? [] : ["demo \(header.demoName)"]
        facts += ["seed \(header.seed)", "schedule \(header.schedule)", "\(formatSeconds(history.endTime)) virtual",
                  "\(history.steps) steps"]
        svg.text(facts.joined(separator: " · "), x: margin, y: 48, extra: small(Self.faint))

        drawAxis(&svg, span: span, top: axisY, bottom: legendY - 20, x: x)
        var previousMarker = -Double.infinity
        for (number, caption) in history.captions.enumerated() {
            // Captions at one moment sit side by side rather than on top of each other.
            let cx = max(x(caption.time), previousMarker + 18)
            previousMarker = cx
            svg.raw("<g class=\"caption-marker\"><circle cx=\"\(SVGDocument.number(cx))\" cy=\"66\" r=\"8\" fill=\"\(Self.captionFill)\">"
                + "<title>\(SVGDocument.escape(caption.text))</title></circle>")
            svg.text("\(number + 1)", x: cx, y: 70, extra: [("font-size", "10"), ("text-anchor", "middle"), ("fill", "#ffffff")])
            svg.end()
        }
        for (row, lane) in history.lanes.enumerated() {
            drawLane(&svg, lane, top: lanesTop + Double(row) * laneHeight, history: history, x: x)
        }
        drawDeadlockEdges(&svg, history: history, lanesTop: lanesTop)
        if !history.resources.isEmpty {
            svg.text("resources", x: margin, y: resourcesTop - 8, extra: small(Self.faint))
            for (row, resource) in history.resources.enumerated() {
                drawResource(&svg, resource, top: resourcesTop + Double(row) * laneHeight, x: x)
            }
        }
        drawLegend(&svg, y: legendY)
        listY = drawList(&svg, "captions", captionLines, y: listY)
        _ = drawList(&svg, "faults, failures and diagnostics", noteLines, y: listY)
        return svg.render()
    }

    private var textColumns: Int { Int((width - 2 * margin) / charWidth) - 2 }

    private func sectionHeight(_ lines: [String]) -> Double {
        lines.isEmpty ? 0 : lineHeight * Double(lines.count + 1) + 10
    }

    private func drawAxis(_ svg: inout SVGDocument, span: Int64, top: Double, bottom: Double, x: (Int64) -> Double) {
        let columns = max(10, Int(plotWidth / 8))
        let ticks = TimeScale(span: span, columns: columns)
        svg.group([("class", "axis")])
        svg.raw("<line x1=\"\(SVGDocument.number(plotX))\" y1=\"\(SVGDocument.number(top))\" x2=\"\(SVGDocument.number(plotX + plotWidth))\" y2=\"\(SVGDocument.number(top))\" stroke=\"\(Self.faint)\"/>")
        for tick in ticks.ticks(spacing: 12) {
            let t = Int64(tick.column) * ticks.nanosecondsPerColumn
            guard t <= span else { continue }
            let tx = SVGDocument.number(x(t))
            svg.raw("<line x1=\"\(tx)\" y1=\"\(SVGDocument.number(top - 4))\" x2=\"\(tx)\" y2=\"\(SVGDocument.number(bottom))\" stroke=\"#e0e0e0\"/>")
            svg.text(tick.label, x: x(t), y: top - 7, extra: [("font-size", "10"), ("text-anchor", "middle"), ("fill", Self.faint)])
        }
        svg.end()
    }

    private func drawLane(_ svg: inout SVGDocument, _ lane: RunHistory.Lane, top: Double, history: RunHistory, x: (Int64) -> Double) {
        let middle = top + laneHeight / 2
        svg.group([("class", "lane"), ("data-task", "\(lane.task.rawValue)")])
        let indent = String(repeating: "  ", count: min(lane.depth, 6))
        // Long names are cut to the name column; the lane's tooltip keeps the whole name.
        let room = Int((labelWidth - 12) / charWidth) - indent.count
        let label = lane.name.count > room ? String(lane.name.prefix(max(1, room - 1))) + "…" : lane.name
        svg.raw("<text x=\"\(SVGDocument.number(margin))\" y=\"\(SVGDocument.number(middle + 4))\" font-size=\"12\" fill=\"\(Self.ink)\" xml:space=\"preserve\">"
            + SVGDocument.escape(indent + label) + "<title>\(SVGDocument.escape(lane.name))</title></text>")
        var drawnUntil = -Double.infinity
        for segment in lane.segments where !segment.state.isFinished {
            let barHeight = Self.barHeight(segment.state)
            let start = x(segment.start)
            // A stretch under a pixel wide that starts where one is already drawn would not
            // show: leaving it out keeps a busy lane's file the size of its pixels.
            if x(segment.end) - start < 1, start < drawnUntil { continue }
            drawnUntil = max(drawnUntil, start + max(Self.minimumMarkWidth, x(segment.end) - start))
            svg.rect(
                x: start, y: middle - barHeight / 2, width: max(Self.minimumMarkWidth, x(segment.end) - start), height: barHeight,
                fill: color(segment.state),
                tooltip: "\(lane.name): \(segment.detail), \(formatSeconds(segment.start))–\(formatSeconds(segment.end))",
                extra: [("class", "state-\(segment.state.cssName)")])
        }
        var lastRunX = -Double.infinity
        for run in lane.runs {
            // Jobs closer than a pixel look like one: one mark keeps a long run's file small.
            guard x(run) - lastRunX >= 1 else { continue }
            lastRunX = x(run)
            svg.rect(
                x: x(run), y: middle - 8, width: Self.minimumMarkWidth, height: 16, fill: color(.running),
                tooltip: "\(lane.name) runs at \(formatSeconds(run))", extra: [("class", "state-running")])
        }
        if let end = lane.segments.last(where: { $0.state.isFinished }) {
            let ex = x(end.start) + Self.minimumMarkWidth + 2
            svg.raw("<text x=\"\(SVGDocument.number(ex))\" y=\"\(SVGDocument.number(middle + 5))\" font-size=\"14\" font-weight=\"bold\" fill=\"\(color(end.state))\" class=\"end-\(end.state.cssName)\">"
                + SVGDocument.escape(String(glyphs.state(end.state))) + "<title>\(SVGDocument.escape("\(lane.name): \(end.detail) at \(formatSeconds(end.start))"))</title></text>")
        }
        for mark in history.marks where mark.task == lane.task && mark.kind == .fault {
            let fx = x(mark.time)
            let points = [(fx, top + 1), (fx - 5, top - 7), (fx + 5, top - 7)]
                .map { "\(SVGDocument.number($0.0)),\(SVGDocument.number($0.1 + 8))" }.joined(separator: " ")
            svg.raw("<polygon class=\"fault\" points=\"\(points)\" fill=\"\(Self.alert)\"><title>\(SVGDocument.escape(mark.text))</title></polygon>")
        }
        if history.deadlocked.contains(lane.task) {
            let edges = history.marks.filter { $0.kind == .deadlock && $0.task == lane.task }.map(\.text)
            svg.raw("<rect class=\"deadlock\" x=\"\(SVGDocument.number(margin - 4))\" y=\"\(SVGDocument.number(top + 2))\" width=\"\(SVGDocument.number(width - 2 * margin + 8))\" height=\"\(SVGDocument.number(laneHeight - 4))\" fill=\"none\" stroke=\"\(Self.alert)\" stroke-width=\"2\" stroke-dasharray=\"6 3\"><title>\(SVGDocument.escape(edges.joined(separator: "; ")))</title></rect>")
            svg.text("deadlock", x: plotX - 8, y: middle + 4, extra: [("font-size", "10"), ("text-anchor", "end"), ("fill", Self.alert)])
        }
        svg.end()
    }

    /// An arrow in the right margin from each deadlocked task's lane to the lane of the task
    /// holding what it waits for: the cycle, drawn.
    private func drawDeadlockEdges(_ svg: inout SVGDocument, history: RunHistory, lanesTop: Double) {
        let rows = Dictionary(history.lanes.enumerated().map { ($0.element.task, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let x0 = plotX + plotWidth + 6
        for edge in history.deadlockEdges {
            guard let from = rows[edge.waiter], let to = rows[edge.holder], from != to else { continue }
            let y1 = lanesTop + (Double(from) + 0.5) * laneHeight, y2 = lanesTop + (Double(to) + 0.5) * laneHeight
            // Downward arrows bend less than upward ones, so a two-task cycle reads as a loop.
            let bend = x0 + (from < to ? 9 : 18) + 3 * Double(abs(to - from) - 1)
            let n = SVGDocument.number
            let name = store.taskName(edge.waiter) + " waits for " + store.taskName(edge.holder)
            svg.raw("<g class=\"deadlock-edge\"><title>\(SVGDocument.escape(name))</title>"
                + "<path d=\"M \(n(x0)) \(n(y1)) C \(n(bend)) \(n(y1)), \(n(bend)) \(n(y2)), \(n(x0 + 4)) \(n(y2))\" fill=\"none\" stroke=\"\(Self.alert)\" stroke-width=\"1.5\"/>"
                + "<polygon points=\"\(n(x0)),\(n(y2)) \(n(x0 + 6)),\(n(y2 - 3)) \(n(x0 + 6)),\(n(y2 + 3))\" fill=\"\(Self.alert)\"/></g>")
        }
    }

    private func drawResource(_ svg: inout SVGDocument, _ row: RunHistory.ResourceRow, top: Double, x: (Int64) -> Double) {
        let info = store.resource(row.resource)
        svg.group([("class", "resource"), ("data-resource", "\(row.resource.rawValue)")])
        svg.text(info.kindAndName, x: margin, y: top + laneHeight / 2 + 4, extra: [("font-size", "12"), ("fill", Self.ink)])
        let fill = SVGPalette.hex(theme.style(row.kind == .lock ? .lockHeld : .queueBar).foreground)
        for segment in row.segments {
            let start = x(segment.start)
            let barWidth = max(Self.minimumMarkWidth, x(segment.end) - start)
            svg.rect(
                x: start, y: top + 4, width: barWidth, height: laneHeight - 8, fill: fill, tooltip:
                    "\(info.kindAndName) \(segment.detail), \(formatSeconds(segment.start))–\(formatSeconds(segment.end))",
                extra: [("fill-opacity", "0.35"), ("stroke", fill)])
            let room = Int((barWidth - 6) / 6.1)
            if room >= 3 {
                let label = segment.label.count > room ? String(segment.label.prefix(room - 1)) + "…" : segment.label
                svg.text(label, x: start + 3, y: top + laneHeight / 2 + 4, extra: [("font-size", "10"), ("fill", Self.ink)])
            }
        }
        svg.end()
    }

    private func drawLegend(_ svg: inout SVGDocument, y: Double) {
        svg.group([("class", "legend")])
        var lx = margin
        let states: [TaskState] = [.running, .ready, .sleeping, .waiting, .blocking, .created, .returned, .failed, .cancelled]
        for state in states {
            svg.rect(x: lx, y: y - 9, width: 14, height: Self.barHeight(state) == 2 ? 3 : 10, fill: color(state))
            let label = "\(glyphs.state(state)) \(state.label)"
            svg.text(label, x: lx + 18, y: y, extra: small(Self.ink))
            lx += 18 + Double(label.count) * 6.6 + 14
        }
        svg.end()
    }

    private func drawList(_ svg: inout SVGDocument, _ heading: String, _ lines: [String], y: Double) -> Double {
        guard !lines.isEmpty else { return y }
        var y = y
        svg.group([("class", heading == "captions" ? "captions" : "notes")])
        svg.text(heading, x: margin, y: y, extra: [("font-size", "12"), ("font-weight", "bold"), ("fill", Self.ink)])
        for line in lines {
            y += lineHeight
            svg.text(line, x: margin, y: y, extra: [("font-size", "12"), ("fill", Self.ink), ("xml:space", "preserve")])
        }
        svg.end()
        return y + lineHeight + 10
    }

    private func color(_ state: TaskState) -> String { SVGPalette.hex(theme.style(for: state).foreground) }

    private func small(_ fill: String) -> [(String, String)] { [("font-size", "11"), ("fill", fill)] }

    /// Taller bars for the states that matter most at a glance, as the TUI's glyphs are denser.
    static func barHeight(_ state: TaskState) -> Double {
        switch state {
        case .running, .blocking, .failed, .cancelled: 16
        case .ready, .waiting: 10
        case .sleeping: 6
        case .created, .returned: 2
        }
    }

    static func wrapped(_ text: String, width: Int) -> [String] {
        let lines = TextWrap.lines(text, width: width)
        return lines.enumerated().map { $0.offset == 0 ? $0.element : "    " + $0.element }
    }

    static let ink = "#1e1e1e"
    static let faint = "#6e6e6e"
    static let alert = "#cc0000"
    static let captionFill = SVGPalette.hex(.blue)
}

extension TaskState {
    /// A name fit for an SVG class ("blocking", not "blocking the loop").
    var cssName: String {
        switch self {
        case .returned: "done"
        case .blocking: "blocking"
        default: label
        }
    }
}
