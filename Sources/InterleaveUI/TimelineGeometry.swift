/// The parts of the timeline pane: label column, lane area and time axis.
///
/// Shared by `TimelineView` and the reducer so that a click lands on the lane that is drawn there.
/// ```swift
/// let geometry = TimelineGeometry(rect: layout.timeline, presentation: false)
/// geometry.visibleLanes   // lanes that fit
/// ```
public struct TimelineGeometry: Sendable, Equatable {
    /// Inside the border.
    public var interior: Rect
    /// Task names, tree-indented.
    public var labels: Rect
    /// The bars, one lane per task.
    public var lanes: Rect
    /// The axis line with ticks and the "now" marker (absent when the pane is short).
    public var axisLine: Rect
    /// Tick labels.
    public var axisLabels: Rect
    /// Rows per lane: more in presentation mode, so bars read from afar.
    public var laneHeight: Int
    /// Rows of a lane drawn as bar; the rest of the lane is a gap that keeps lanes apart.
    public var barHeight: Int

    /// `laneCount`, when known, is how many lanes a presentation must fit: their bars are as
    /// tall as lets them all show (see `Layout.presentationTimelineHeight`).
    public init(rect: Rect, presentation: Bool, laneCount: Int = 0) {
        interior = rect.inset(by: 1)
        let axisRows = interior.height >= 8 ? 2 : 1
        let lanesHeight = max(0, interior.height - axisRows)
        if presentation, laneCount > 0 {
            laneHeight = laneCount * 3 - 1 <= lanesHeight ? 3 : laneCount * 2 <= lanesHeight ? 2 : 1
        } else {
            // In presentation, tall panes get two-row bars with a blank row between lanes.
            laneHeight = presentation ? (lanesHeight >= 18 ? 3 : 2) : 1
        }
        barHeight = min(laneHeight, presentation ? 2 : 1)
        let labelWidth = min(24, max(10, interior.width * 3 / 10))
        labels = Rect(x: interior.x, y: interior.y, width: labelWidth, height: lanesHeight)
        lanes = Rect(x: labels.maxX + 1, y: interior.y, width: interior.width - labelWidth - 1, height: lanesHeight)
        axisLabels = Rect(x: lanes.x, y: interior.maxY - 1, width: lanes.width, height: interior.height > 0 ? 1 : 0)
        axisLine = axisRows == 2
            ? Rect(x: lanes.x, y: interior.maxY - 2, width: lanes.width, height: 1)
            : Rect(x: lanes.x, y: interior.maxY - 1, width: 0, height: 0)
    }

    /// Gives the label column only `width` cells (at least 10) and the lanes the rest.
    public mutating func narrowLabels(to width: Int) {
        let labelWidth = max(10, min(labels.width, width))
        labels.width = labelWidth
        lanes = Rect(x: labels.maxX + 1, y: lanes.y, width: interior.maxX - labels.maxX - 1, height: lanes.height)
        axisLabels = Rect(x: lanes.x, y: axisLabels.y, width: lanes.width, height: axisLabels.height)
        if !axisLine.isEmpty { axisLine = Rect(x: lanes.x, y: axisLine.y, width: lanes.width, height: 1) }
    }

    /// Lanes that fit at once (the last one needs no gap below its bar).
    public var visibleLanes: Int { max(0, (lanes.height + laneHeight - barHeight) / laneHeight) }

    /// The lane drawn at row `y` when the first lane shown is `firstLane`, if any.
    public func lane(atY y: Int, firstLane: Int) -> Int? {
        guard y >= lanes.y, y < lanes.y + visibleLanes * laneHeight else { return nil }
        return firstLane + (y - lanes.y) / laneHeight
    }
}
