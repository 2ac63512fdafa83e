import Interleave
import InterleaveApp
import InterleaveUI
import Testing

/// `export --format svg`: the timeline picture and the screen at an instant parse as XML, name
/// every task, draw a lane for each, and mark what went wrong.
@Suite struct SVGExportTests {
    /// gather with task2 made to fail at 0.5 s, as `record gather --inject "fail task2 at 0.5s"` makes it.
    static func gatherWithFault() throws -> TraceStore {
        try DemoRun.run(of: "gather").run(injecting: [InjectionSpec(parsing: "fail task2 at 0.5s")]).store
    }

    @Test func theTimelineOfGatherWithAFaultNamesEveryTaskAndMarksTheFailure() throws {
        let store = try Self.gatherWithFault()
        let svg = try SVGReader(SVGTimeline(store: store).render())
        #expect(svg.all("svg").count == 1)
        #expect(svg.elements.first?.name == "svg")
        #expect(svg.all("title").first?.text == "Running tasks together with gather")
        let lanes = svg.withClass("lane")
        #expect(lanes.count == store.tasks.count, "one lane per task")
        for name in ["main", "task1", "task2"] {
            #expect(svg.all("text").contains { $0.text.trimmingCharacters(in: .whitespaces) == name }, "the lane names \(name)")
        }
        #expect(svg.withClass("fault").count == 1, "the injected fault is marked")
        #expect(svg.withClass("end-failed").count == 2, "task2 and main end failed: \(svg.allText)")
        #expect(svg.allText.contains("you made task2 fail"))
        #expect(svg.withClass("caption-marker").count == 1)
        #expect(svg.allText.contains("1. 0.000s  main starts task1 and task2 together"), "captions are listed by number")
    }

    @Test func theDeadlockDemoOutlinesTheCycle() throws {
        let run = DemoRun("deadlock")
        let svg = try SVGReader(SVGTimeline(store: run.store).render())
        let lanes = svg.withClass("lane")
        #expect(lanes.count == run.store.tasks.count)
        #expect(svg.withClass("deadlock").filter { $0.name == "rect" }.count >= 2, "both tasks of the cycle are outlined")
        #expect(svg.withClass("deadlock-edge").count == 2, "an arrow from each task to the other")
        #expect(svg.allText.contains("deadlock cycle: task1 waits for lock B held by task2, which waits for lock A held by task1"))
        #expect(svg.allText.contains("DEADLOCK: task1 waits for lock B held by task2"))
        #expect(svg.allText.contains("DEADLOCK: task2 waits for lock A held by task1"))
        // The locks' holders are drawn under the lanes.
        #expect(svg.withClass("resource").count == 2)
        #expect(svg.allText.contains("held by task1") && svg.allText.contains("held by task2"))
    }

    @Test func theScreenAtAnInstantIsTheReplayFrame() throws {
        let store = try Self.gatherWithFault()
        let buffer = InstantFrame.render(store: store, at: .time(500_000_000), width: 120, height: 40)
        let svg = try SVGReader(SVGScreen(buffer: buffer, title: "gather at 0.500s").render())
        #expect(svg.all("title").first?.text == "gather at 0.500s")
        #expect(svg.all("svg").first?.attributes["width"] == "1008")
        #expect(svg.allText.contains("you made task2 fail"), "the event log at 0.5 s shows the fault")
        // The frame is the screen: every row of the buffer appears, in order.
        let text = svg.withClass("row").count
        #expect(text == 40)
        for name in ["main", "task1", "task2"] { #expect(svg.allText.contains(name)) }
        let atStep = InstantFrame.render(store: store, at: .step(1), width: 120, height: 40)
        #expect(atStep.text().contains("step 1/"), "step:N seeks to the world after N jobs:\n\(atStep.text())")
    }

    @Test func hostileTaskNamesAreEscaped() throws {
        let store = TraceStore(header: TraceHeader(demoName: "x\"><script>", title: "<b>&amp;</b>\u{1B}[2J"))
        let recorder = TraceRecorder(store: store)
        let hostile = "</text><script>alert('x')</script>&\u{07}\u{FFFF}"
        let task = recorder.createTask(name: hostile, parent: .none, at: 0)
        let lock = recorder.createResource(name: "<lock \"q\">", kind: .lock, by: task, at: 0)
        recorder.record(.taskResumed, task: task, at: 0)
        recorder.record(.lockAcquired, task: task, resource: lock, arg: Int64(task.rawValue), at: 0)
        recorder.record(.caption, task: .none, arg: Int64(recorder.intern("]]><!-- & -->").rawValue), at: 0)
        recorder.record(.taskFailed, task: task, arg: Int64(recorder.intern("<boom>").rawValue), at: 1_000_000)
        for svgText in [
            SVGTimeline(store: store).render(),
            SVGScreen(buffer: InstantFrame.render(store: store, at: .step(1), width: 120, height: 40), title: hostile).render(),
        ] {
            let svg = try SVGReader(svgText)
            #expect(svg.all("script").isEmpty)
            #expect(!svgText.contains("<script"))
            #expect(svg.allText.contains("</text><script>"), "the name is shown as text")
            #expect(!svgText.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0xFFFF })
        }
    }
}
