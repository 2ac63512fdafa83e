import InterleaveTrace
import InterleaveUI
import Testing

/// Where things go at each size.
@Suite struct LayoutTests {
    @Test func theSmallestScreenShowsEveryPaneButCode() {
        let layout = Layout(width: 80, height: 24)
        #expect(!layout.isTooSmall)
        #expect(layout.visiblePanes == [.timeline, .resources, .log])
        #expect(layout.header.y == 0 && layout.footer.y == 23 && layout.caption.y == 22)
        #expect(layout.timeline.width > layout.resources.width)
        #expect(layout.timelineGeometry.visibleLanes >= 8)
        #expect(layout.log.height >= 6)
    }

    @Test func widerScreensGainTheCodePane() {
        let layout = Layout(width: 120, height: 40)
        #expect(layout.visiblePanes == AppState.Pane.allCases)
        #expect(layout.caption.height == 2)
        #expect(layout.log.maxX == layout.code.x)
    }

    @Test func panesTileWithoutOverlapping() {
        for (w, h) in [(80, 24), (100, 30), (120, 40), (200, 60), (81, 37)] {
            for (presentation, footer) in [(false, false), (true, false), (true, true)] {
                let layout = Layout(width: w, height: h, presentation: presentation, presentationFooter: footer)
                let rects = [layout.header, layout.timeline, layout.resources, layout.log, layout.code, layout.caption, layout.footer]
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
        let layout = Layout(width: 120, height: 40, presentation: true)
        #expect(layout.footer.isEmpty)
        #expect(layout.caption.height == 5)
        #expect(layout.visiblePanes == [.timeline, .resources])
        #expect(layout.timelineGeometry.laneHeight == 3 && layout.timelineGeometry.barHeight == 2)
        let small = Layout(width: 80, height: 24, presentation: true)
        #expect(small.caption.height == 3 && small.timelineGeometry.laneHeight == 2)
        #expect(!Layout(width: 120, height: 40, presentation: true, presentationFooter: true).footer.isEmpty)
    }

    @Test func belowTheMinimumIsTooSmall() {
        #expect(Layout(width: 79, height: 24).isTooSmall)
        #expect(Layout(width: 80, height: 23).isTooSmall)
    }
}
