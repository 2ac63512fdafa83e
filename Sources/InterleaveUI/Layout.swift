/// Where each part of the screen goes for a terminal size: a pure function of the size and the
/// presentation flag, shared by `Screen` (to draw) and the reducer (to map clicks to lanes).
///
/// Rows from the top: header; timeline (left, large) beside resources (right); event log and
/// printed output beside code (code only from 100 columns); caption bar; footer. Presentation
/// keeps the header, a timeline as tall as its lanes need beside resources, the printed output
/// and code below them, and a tall caption bar.
/// ```swift
/// let layout = Layout(width: 120, height: 40)
/// layout.timeline   // Rect(x: 0, y: 1, width: 84, height: 22)
/// ```
public struct Layout: Sendable, Equatable {
    /// The smallest terminal the full UI fits in.
    public static let minimumWidth = 80
    public static let minimumHeight = 24
    /// The code pane needs room for line numbers plus a readable line of code.
    public static let codeMinimumWidth = 100

    public var width: Int
    public var height: Int
    public var presentation: Bool
    public var isTooSmall: Bool
    public var header = Rect(x: 0, y: 0, width: 0, height: 0)
    public var timeline = Rect(x: 0, y: 0, width: 0, height: 0)
    public var resources = Rect(x: 0, y: 0, width: 0, height: 0)
    public var log = Rect(x: 0, y: 0, width: 0, height: 0)
    public var output = Rect(x: 0, y: 0, width: 0, height: 0)
    public var code = Rect(x: 0, y: 0, width: 0, height: 0)
    public var caption = Rect(x: 0, y: 0, width: 0, height: 0)
    public var footer = Rect(x: 0, y: 0, width: 0, height: 0)

    /// The tasks the presentation timeline makes room for (0: not known yet).
    public var lanes: Int

    /// In presentation the footer stays hidden unless `presentationFooter` (while help is open),
    /// and the timeline is sized to `lanes` lanes, the rest going to printed output and code.
    public init(
        width: Int, height: Int, presentation: Bool = false, presentationFooter: Bool = false, lanes: Int = 0
    ) {
        self.width = width
        self.height = height
        self.presentation = presentation
        self.lanes = max(0, lanes)
        isTooSmall = width < Self.minimumWidth || height < Self.minimumHeight
        guard !isTooSmall else { return }
        header = Rect(x: 0, y: 0, width: width, height: 1)
        if presentation {
            // The caption is the point of a presentation: a tall bar, and no footer until `?`.
            // The timeline takes the rows its lanes need; what the run printed (its results)
            // and the code get the rest, so nothing true of the run is off screen.
            if presentationFooter { footer = Rect(x: 0, y: height - 1, width: width, height: 1) }
            let bottom = presentationFooter ? footer.y : height
            let captionHeight = height >= 30 ? 5 : 3
            caption = Rect(x: 0, y: bottom - captionHeight, width: width, height: captionHeight)
            let middle = Rect(x: 0, y: 1, width: width, height: caption.y - 1)
            let resourcesWidth = min(40, max(28, width / 4))
            let top = Self.presentationTimelineHeight(lanes: self.lanes, available: middle.height)
            timeline = Rect(x: 0, y: middle.y, width: width - resourcesWidth, height: top)
            resources = Rect(x: timeline.maxX, y: middle.y, width: resourcesWidth, height: top)
            let rest = Rect(x: 0, y: timeline.maxY, width: width, height: middle.height - top)
            guard !rest.isEmpty else { return }
            if width >= Self.codeMinimumWidth {
                // Printed lines are short; the code's lines are longer.
                output = Rect(x: 0, y: rest.y, width: width * 2 / 5, height: rest.height)
                code = Rect(x: output.maxX, y: rest.y, width: width - output.width, height: rest.height)
            } else if rest.height >= 2 * Self.outputMinimumHeight + 2 {
                // Narrow but tall: the code under the output, each with room for a few lines.
                output = Rect(x: 0, y: rest.y, width: width, height: rest.height / 2)
                code = Rect(x: 0, y: output.maxY, width: width, height: rest.height - output.height)
            } else {
                output = rest
            }
            return
        }
        footer = Rect(x: 0, y: height - 1, width: width, height: 1)
        let captionHeight = height >= 36 ? 2 : 1
        caption = Rect(x: 0, y: footer.y - captionHeight, width: width, height: captionHeight)
        let middle = Rect(x: 0, y: 1, width: width, height: caption.y - 1)
        // The timeline takes three fifths at most, and no more than its lanes need (when known):
        // rows it would leave blank serve the events and the printed lines better.
        let share = (middle.height * 3 + 2) / 5
        let fitted = max(Self.timelineMinimumHeight, self.lanes + Self.timelineChrome)
        let topHeight = self.lanes > 0 ? min(share, fitted) : share
        let resourcesWidth = width < Self.codeMinimumWidth ? 30 : min(48, max(30, width * 3 / 10))
        timeline = Rect(x: 0, y: middle.y, width: width - resourcesWidth, height: topHeight)
        resources = Rect(x: timeline.maxX, y: middle.y, width: resourcesWidth, height: topHeight)
        let bottom = Rect(x: 0, y: timeline.maxY, width: width, height: middle.height - topHeight)
        // Printed lines get a pane of their own, so that task events never push them out.
        if width >= Self.codeMinimumWidth {
            let logWidth = width / 2
            let logHeight = bottom.height / 2
            log = Rect(x: 0, y: bottom.y, width: logWidth, height: logHeight)
            output = Rect(x: 0, y: log.maxY, width: logWidth, height: bottom.height - logHeight)
            code = Rect(x: logWidth, y: bottom.y, width: width - logWidth, height: bottom.height)
        } else {
            log = Rect(x: 0, y: bottom.y, width: width / 2, height: bottom.height)
            output = Rect(x: log.maxX, y: bottom.y, width: width - log.width, height: bottom.height)
        }
    }

    /// The smallest output pane worth drawing: a border around three lines.
    static let outputMinimumHeight = 5
    /// The shortest presentation timeline, however few its lanes.
    static let presentationTimelineMinimum = 10
    /// Border and time axis around a timeline's lanes.
    static let timelineChrome = 4
    /// The shortest timeline (and resources pane) of the full layout: eight lanes, or resources.
    static let timelineMinimumHeight = 12

    /// Rows of a presentation timeline with `lanes` lanes in `available` rows: the tallest bars
    /// (three rows a lane, two of bar and a gap; then two; then one) that leave an output pane
    /// below, else all but the output pane, else everything (too few rows for both).
    static func presentationTimelineHeight(lanes: Int, available: Int) -> Int {
        guard lanes > 0 else { return available }
        let room = available - outputMinimumHeight
        for laneHeight in [3, 2, 1] {
            // The last lane needs no gap below it.
            // A lane or two still get a full axis and some air.
            let needed = max(presentationTimelineMinimum, lanes * laneHeight - (laneHeight == 3 ? 1 : 0) + timelineChrome)
            if needed <= room { return needed }
        }
        return room >= 8 ? room : available
    }

    /// The rect of a pane (empty when the layout leaves it out).
    public func rect(of pane: AppState.Pane) -> Rect {
        switch pane {
        case .timeline: timeline
        case .resources: resources
        case .log: log
        case .output: output
        case .code: code
        }
    }

    /// The panes this layout shows, in Tab order.
    public var visiblePanes: [AppState.Pane] { AppState.Pane.allCases.filter { !rect(of: $0).isEmpty } }

    /// The pane under a cell, if any.
    public func pane(atX x: Int, y: Int) -> AppState.Pane? {
        visiblePanes.first { rect(of: $0).contains(x: x, y: y) }
    }

    /// Where the timeline draws labels, lanes and the axis.
    public var timelineGeometry: TimelineGeometry {
        TimelineGeometry(rect: timeline, presentation: presentation, laneCount: lanes)
    }
}
