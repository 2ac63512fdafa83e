/// Where each part of the screen goes for a terminal size: a pure function of the size and the
/// presentation flag, shared by `Screen` (to draw) and the reducer (to map clicks to lanes).
///
/// Rows from the top: header; timeline (left, large) beside resources (right); event log beside
/// code (code only from 100 columns); caption bar; footer. Presentation keeps the header, the
/// timeline and resources, and a tall caption bar.
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
    public var code = Rect(x: 0, y: 0, width: 0, height: 0)
    public var caption = Rect(x: 0, y: 0, width: 0, height: 0)
    public var footer = Rect(x: 0, y: 0, width: 0, height: 0)

    /// In presentation the footer stays hidden unless `presentationFooter` (while help is open).
    public init(width: Int, height: Int, presentation: Bool = false, presentationFooter: Bool = false) {
        self.width = width
        self.height = height
        self.presentation = presentation
        isTooSmall = width < Self.minimumWidth || height < Self.minimumHeight
        guard !isTooSmall else { return }
        header = Rect(x: 0, y: 0, width: width, height: 1)
        if presentation {
            // The caption is the point of a presentation: a tall bar, and no footer until `?`.
            // Only the timeline and the resources remain, so that each reads from the back row.
            if presentationFooter { footer = Rect(x: 0, y: height - 1, width: width, height: 1) }
            let bottom = presentationFooter ? footer.y : height
            let captionHeight = height >= 30 ? 5 : 3
            caption = Rect(x: 0, y: bottom - captionHeight, width: width, height: captionHeight)
            let middle = Rect(x: 0, y: 1, width: width, height: caption.y - 1)
            let resourcesWidth = min(40, max(28, width / 4))
            timeline = Rect(x: 0, y: middle.y, width: width - resourcesWidth, height: middle.height)
            resources = Rect(x: timeline.maxX, y: middle.y, width: resourcesWidth, height: middle.height)
            return
        }
        footer = Rect(x: 0, y: height - 1, width: width, height: 1)
        let captionHeight = height >= 36 ? 2 : 1
        caption = Rect(x: 0, y: footer.y - captionHeight, width: width, height: captionHeight)
        let middle = Rect(x: 0, y: 1, width: width, height: caption.y - 1)
        let topHeight = (middle.height * 3 + 2) / 5
        let resourcesWidth = width < Self.codeMinimumWidth ? 30 : min(48, max(30, width * 3 / 10))
        timeline = Rect(x: 0, y: middle.y, width: width - resourcesWidth, height: topHeight)
        resources = Rect(x: timeline.maxX, y: middle.y, width: resourcesWidth, height: topHeight)
        let bottom = Rect(x: 0, y: timeline.maxY, width: width, height: middle.height - topHeight)
        if width >= Self.codeMinimumWidth {
            let logWidth = width / 2
            log = Rect(x: 0, y: bottom.y, width: logWidth, height: bottom.height)
            code = Rect(x: logWidth, y: bottom.y, width: width - logWidth, height: bottom.height)
        } else {
            log = bottom
        }
    }

    /// The rect of a pane (empty when the layout leaves it out).
    public func rect(of pane: AppState.Pane) -> Rect {
        switch pane {
        case .timeline: timeline
        case .resources: resources
        case .log: log
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
    public var timelineGeometry: TimelineGeometry { TimelineGeometry(rect: timeline, presentation: presentation) }
}
