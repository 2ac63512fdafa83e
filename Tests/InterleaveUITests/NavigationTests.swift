import InterleaveTrace
import InterleaveUI
import Testing

/// Selection, focus, paging, mouse and resize: the reducer's actions that depend on the layout.
@Suite struct NavigationTests {
    @Test func selectionMovesAlongTheLanesAndStaysInView() {
        var s = ReducerTests.state(tasks: 40)
        _ = s.reduce(.selectPrevious)
        #expect(s.selected == TaskID(39))
        let visible = s.layout.timelineGeometry.visibleLanes
        #expect(s.scroll[.timeline] == 40 - visible)
        _ = s.reduce(.selectNext)
        #expect(s.selected == TaskID(39))
        for _ in 0..<39 { _ = s.reduce(.selectPrevious) }
        #expect(s.selected == TaskID(0))
        #expect(s.scroll[.timeline] == 0)
        _ = s.reduce(.selectNext)
        #expect(s.selected == TaskID(1))
    }

    @Test func selectionFollowsTreeOrderNotIDs() {
        var s = AppState()
        _ = s.reduce(.worldChanged(WorldFacts(step: 1, latestStep: 1, taskOrder: [TaskID(0), TaskID(2), TaskID(1)])))
        _ = s.reduce(.selectNext)
        _ = s.reduce(.selectNext)
        #expect(s.selected == TaskID(2))
    }

    @Test func tabCyclesThroughTheVisiblePanes() {
        var small = ReducerTests.state()
        var seen: [AppState.Pane] = []
        for _ in 0..<4 { _ = small.reduce(.focusNext); seen.append(small.focus) }
        #expect(seen == [.resources, .log, .output, .timeline])
        var wide = ReducerTests.state(width: 120, height: 40)
        seen = []
        for _ in 0..<5 { _ = wide.reduce(.focusNext); seen.append(wide.focus) }
        #expect(seen == [.resources, .log, .output, .code, .timeline])
    }

    @Test func pageKeysMoveTheSelectionOrScrollTheFocusedPane() {
        var s = ReducerTests.state(tasks: 60)
        _ = s.reduce(.pageDown)
        #expect(s.selected != nil && s.selected!.index > 1)
        s.focus = .log
        _ = s.reduce(.pageUp)
        #expect(s.scroll[.log] > 0)
        _ = s.reduce(.pageDown)
        #expect(s.scroll[.log] == 0)
    }

    @Test func clickingALaneSelectsItsTask() {
        var s = ReducerTests.state(tasks: 5)
        let lanes = s.layout.timelineGeometry.lanes
        _ = s.reduce(.click(x: lanes.x + 3, y: lanes.y + 2))
        #expect(s.selected == TaskID(2))
        #expect(s.focus == .timeline)
        _ = s.reduce(.click(x: lanes.x, y: lanes.y + 4 + 3))
        #expect(s.selected == TaskID(2), "a click below the last lane selects nothing")
        let resources = s.layout.resources
        _ = s.reduce(.click(x: resources.x + 2, y: resources.y + 2))
        #expect(s.focus == .resources)
    }

    @Test func clickingClosesTheHelpFirst() {
        var s = ReducerTests.state()
        _ = s.reduce(.toggleHelp)
        let lanes = s.layout.timelineGeometry.lanes
        _ = s.reduce(.click(x: lanes.x, y: lanes.y))
        #expect(!s.showHelp)
        #expect(s.selected == nil)
    }

    @Test func wheelScrollsThePaneUnderThePointer() {
        var s = ReducerTests.state(tasks: 50)
        let timeline = s.layout.timeline
        _ = s.reduce(.scroll(x: timeline.x + 5, y: timeline.y + 3, lines: 3))
        #expect(s.scroll[.timeline] == 3)
        _ = s.reduce(.scroll(x: timeline.x + 5, y: timeline.y + 3, lines: -10))
        #expect(s.scroll[.timeline] == 0)
        let log = s.layout.log
        _ = s.reduce(.scroll(x: log.x + 5, y: log.y + 2, lines: -3))
        #expect(s.scroll[.log] == 3, "wheel up goes back in the log")
    }

    @Test func resizeChangesTheLayoutAndRefocuses() {
        var s = ReducerTests.state(width: 120, height: 40)
        s.focus = .code
        _ = s.reduce(.resize(width: 80, height: 24))
        #expect(s.width == 80 && s.height == 24)
        #expect(s.focus == .timeline)
        _ = s.reduce(.resize(width: 50, height: 10))
        #expect(s.layout.isTooSmall)
    }

    @Test func capitalPTogglesPresentationAndKeepsFocusOnAVisiblePane() {
        var s = ReducerTests.state(width: 120, height: 40)
        s.focus = .log
        _ = s.reduce(.togglePresentation)
        #expect(s.presentation)
        #expect(s.focus == .timeline)
        #expect(s.layout.log.isEmpty)
        #expect(!s.layout.output.isEmpty, "what the run printed stays on screen")
    }

    @Test func arrowsScrollTheFocusedPaneWhenItIsNotTheTimeline() {
        var s = ReducerTests.state(width: 120, height: 40)
        _ = s.reduce(.focusNext)
        #expect(s.focus == .resources)
        _ = s.reduce(.selectNext)
        #expect(s.scroll[.resources] == 1)
        #expect(s.selected == nil)
        s.focus = .log
        _ = s.reduce(.selectPrevious)
        #expect(s.scroll[.log] == 1, "up goes back in the log")
        s.focus = .code
        _ = s.reduce(.selectNext)
        #expect(s.scroll[.code] == 1)
    }
}
