import InterleaveTrace
import InterleaveUI
import Testing

/// Where things go at each size.
@Suite struct LayoutTests {
    @Test func theSmallestScreenShowsEveryPaneButCode() {
        let layout = Layout(width: 80, height: 24)
        #expect(!layout.isTooSmall)
        #expect(layout.visiblePanes == [.timeline, .resources, .log, .output])
        #expect(layout.header.y == 0 && layout.footer.y == 23 && layout.caption.y == 22)
        #expect(layout.timeline.width > layout.resources.width)
        #expect(layout.timelineGeometry.visibleLanes >= 8)
        #expect(layout.log.height >= 6)
        #expect(layout.output.height == layout.log.height && layout.output.width >= 38, "printed lines beside the events")
    }

    @Test func widerScreensGainTheCodePane() {
        let layout = Layout(width: 120, height: 40)
        #expect(layout.visiblePanes == AppState.Pane.allCases)
        #expect(layout.caption.height == 2)
        #expect(layout.log.maxX == layout.code.x)
        #expect(layout.output.y == layout.log.maxY && layout.output.height >= 7, "printed lines below the events")
    }

    @Test func panesTileWithoutOverlapping() {
        for (w, h) in [(80, 24), (100, 30), (120, 40), (200, 60), (81, 37)] {
            for (presentation, footer, lanes) in [
                (false, false, 0), (true, false, 0), (true, true, 0), (true, false, 1), (true, false, 9), (true, true, 40),
            ] {
                let layout = Layout(
                    width: w, height: h, presentation: presentation, presentationFooter: footer, lanes: lanes)
                let rects = [
                    layout.header, layout.timeline, layout.resources, layout.log, layout.output, layout.code,
                    layout.caption, layout.footer,
                ]
                    .filter { !$0.isEmpty }
                let area = rects.map { $0.width * $0.height }.reduce(0, +)
                #expect(area == w * h, "\(w)x\(h) covers the screen")
                for a in rects.indices { for b in rects.indices where a < b {
                    let r = rects[a], s = rects[b]
                    #expect(r.maxX <= s.x || s.maxX <= r.x || r.maxY <= s.y || s.maxY <= r.y)
                } }
            }
        }
    }

    @Test func presentationHidesTheFooterAndEnlargesTheCaption() {
        let layout = Layout(width: 120, height: 40, presentation: true, lanes: 4)
        #expect(layout.footer.isEmpty)
        #expect(layout.caption.height == 5)
        #expect(layout.visiblePanes == [.timeline, .resources, .output, .code])
        #expect(layout.timelineGeometry.laneHeight == 3 && layout.timelineGeometry.barHeight == 2)
        let small = Layout(width: 80, height: 24, presentation: true, lanes: 4)
        #expect(small.caption.height == 3 && small.timelineGeometry.laneHeight == 3)
        #expect(small.visiblePanes == [.timeline, .resources, .output], "no room for code at 80 columns")
        #expect(!Layout(width: 120, height: 40, presentation: true, presentationFooter: true).footer.isEmpty)
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func presentationSizesTheTimelineToItsLanesAndGivesTheRestToOutput(width: Int, height: Int) {
        // At 80x24, 11 one-row lanes and three lines of output are all that fit.
        for lanes in 1...(height < 30 ? 11 : 12) {
            let layout = Layout(width: width, height: height, presentation: true, lanes: lanes)
            let geometry = layout.timelineGeometry
            #expect(geometry.visibleLanes >= lanes, "\(lanes) lanes all show at \(width)x\(height)")
            #expect(layout.output.height >= 5, "the output pane keeps three lines")
            #expect(
                geometry.lanes.height < (lanes + 1) * geometry.laneHeight || layout.timeline.height == 10,
                "no blank lane's worth of rows, beyond the ten rows every timeline keeps")
        }
        let race = Layout(width: 120, height: 40, presentation: true, lanes: 9)
        #expect(race.output.height >= 12 && race.code.height == race.output.height)
        let crowd = Layout(width: 120, height: 40, presentation: true, lanes: 200)
        #expect(crowd.output.height == 5 && crowd.timelineGeometry.laneHeight == 1, "many lanes scroll, output stays")
    }

    @Test func belowTheMinimumIsTooSmall() {
        #expect(Layout(width: 79, height: 24).isTooSmall)
        #expect(Layout(width: 80, height: 23).isTooSmall)
    }
}
