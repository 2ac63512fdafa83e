import InterleaveTrace

/// Selection, focus and scrolling: the parts of the reducer that depend on the layout.
extension AppState {
    /// Moves the selection along the timeline's lanes and scrolls to keep it in view.
    mutating func moveSelection(by delta: Int) {
        guard !taskOrder.isEmpty else { selected = nil; return }
        // With nothing selected, "next" starts just above the first lane and "previous" just
        // below the last, so the first press selects an end.
        let current = selected.flatMap { task in taskOrder.firstIndex(of: task) } ?? (delta >= 0 ? -1 : taskOrder.count)
        let row = max(0, min(taskOrder.count - 1, current + delta))
        if taskOrder[row] != selected { scroll[.code] = 0 }
        selected = taskOrder[row]
        keepSelectionVisible()
    }

    /// Scrolls the timeline just enough to show the selected lane.
    mutating func keepSelectionVisible() {
        defer { clampTimelineScroll() }
        guard let task = selected, let row = taskOrder.firstIndex(of: task) else { return }
        let visible = max(1, layout.timelineGeometry.visibleLanes)
        if row < scroll[.timeline] { scroll[.timeline] = row }
        if row >= scroll[.timeline] + visible { scroll[.timeline] = row - visible + 1 }
    }

    mutating func clampTimelineScroll() {
        let visible = layout.timelineGeometry.visibleLanes
        scroll[.timeline] = max(0, min(scroll[.timeline], taskOrder.count - visible))
    }

    mutating func keepFocusVisible() {
        let panes = layout.visiblePanes
        if !panes.contains(focus) { focus = .timeline }
    }

    /// Page keys: the timeline moves the selection a page; other panes scroll a page.
    mutating func scrollPage(down: Bool) {
        let rect = layout.rect(of: focus)
        let page = max(1, rect.height - 3)
        if focus == .timeline {
            moveSelection(by: down ? page : -page)
        } else {
            scrollPane(focus, by: down ? page : -page)
        }
    }

    /// Scrolls one pane by `lines` (positive = down, towards later content).
    mutating func scrollPane(_ pane: AppState.Pane, by lines: Int) {
        switch pane {
        case .timeline:
            scroll[.timeline] += lines
            clampTimelineScroll()
        case .resources:
            scroll[.resources] = max(0, min(scroll[.resources] + lines, max(0, resourceCount * 2 - 1)))
        case .log, .output:
            // These offsets count rows up from the newest line, so "down" lowers them.
            scroll[pane] = max(0, min(scroll[pane] - lines, max(0, eventCount - 1)))
        case .code:
            // The code pane follows a task; the offset is relative to that line and may go either way.
            scroll[.code] = max(-100_000, min(scroll[.code] + lines, 100_000))
        }
    }

    /// A click closes overlays, focuses the pane under it and selects the lane under it.
    mutating func click(x: Int, y: Int) {
        if showHelp { showHelp = false; return }
        if showDetail { showDetail = false; return }
        guard let pane = layout.pane(atX: x, y: y) else { return }
        focus = pane
        guard pane == .timeline else { return }
        let geometry = layout.timelineGeometry
        guard x >= geometry.labels.x, x < geometry.lanes.maxX,
              let row = geometry.lane(atY: y, firstLane: scroll[.timeline]), row < taskOrder.count
        else { return }
        if taskOrder[row] != selected { scroll[.code] = 0 }
        selected = taskOrder[row]
    }
}
