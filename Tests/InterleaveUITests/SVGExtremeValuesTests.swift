import InterleaveTrace
import InterleaveUI
import Testing

/// The SVG export reads untrusted numbers and names as the other exports do: the ends of
/// `Int64`, long names and many jobs must give a sane picture, not a crash or a huge file.
@Suite struct SVGExtremeValuesTests {
    @Test func theTimelineAndEveryFrameCopeWithTheLargestTimes() {
        let store = ExtremeValuesTests.extremeTrace()
        let svg = SVGTimeline(store: store).render()
        #expect(svg.contains("worker") && svg.contains("early"))
        #expect(!svg.contains("nan") && !svg.contains("inf"), "every coordinate is a number")
        for instant in [TraceInstant.time(.min), .time(0), .time(.max), .step(0), .step(2), .step(1_000_000_000)] {
            let frame = SVGScreen(buffer: InstantFrame.render(store: store, at: instant, width: 120, height: 40), title: "x").render()
            #expect(frame.contains("</svg>"))
        }
    }

    @Test func longNamesAreCutToTheNameColumnAndKeptWholeInTheTooltip() {
        let store = TraceStore(header: TraceHeader(demoName: "long", title: "long"))
        let recorder = TraceRecorder(store: store)
        let name = String(repeating: "averyveryverylongname", count: 5)
        let task = recorder.createTask(name: name, parent: .none, at: 0)
        recorder.record(.taskResumed, task: task, at: 0)
        recorder.record(.taskReturned, task: task, at: 1_000)
        let svg = SVGTimeline(store: store).render()
        #expect(svg.contains(">" + name.prefix(20)))
        #expect(svg.contains("<title>" + name + "</title>"))
        #expect(!svg.contains(">" + name + "<title>"), "the label itself is cut")
    }

    @Test func jobsCloserThanAPixelShareOneMark() {
        let store = TraceStore(header: TraceHeader(demoName: "busy", title: "busy"))
        let recorder = TraceRecorder(store: store)
        let task = recorder.createTask(name: "busy", parent: .none, at: 0)
        for job in 0..<20_000 {
            recorder.record(.taskResumed, task: task, at: Int64(job) * 1_000)
            recorder.record(.taskYielded, task: task, at: Int64(job) * 1_000)
        }
        let svg = SVGTimeline(store: store).render()
        let marks = svg.components(separatedBy: "runs at").count - 1
        #expect(marks > 100 && marks < 2_000, "about one mark per pixel of the lane, not 20,000: \(marks)")
        #expect(svg.utf8.count < 1_000_000, "a picture the size of its pixels, not of its events: \(svg.utf8.count) bytes")
    }
}
