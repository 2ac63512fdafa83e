import InterleaveTrace
import InterleaveUI
import Testing

/// Times, counts and capacities from a trace file are untrusted numbers: at the ends of
/// `Int64`'s range every view, the plain report and every export must still work (a trapped
/// overflow is a crash), as the trace-reader fuzzer found the plain timeline did not.
@Suite struct ExtremeValuesTests {
    /// A trace whose times run from `Int64.min` to `Int64.max`, with a queue, a
    /// semaphore and a blocking call whose numbers are as large as they can be.
    static func extremeTrace() -> TraceStore {
        let store = TraceStore(header: TraceHeader(demoName: "extreme", title: "extreme"))
        let recorder = TraceRecorder(store: store)
        let early = recorder.createTask(name: "early", parent: .none, at: .min)
        recorder.record(.taskSleeping, task: early, arg: .min, at: .min)
        recorder.record(.taskResumed, task: early, at: .min)
        recorder.record(.loopBlockStarted, task: early, arg: .max, at: .min)
        let main = recorder.createTask(name: "main", parent: .none, at: -5)
        let worker = recorder.createTask(name: "worker", parent: main, at: 0)
        let queue = recorder.createResource(name: "q", kind: .queue, capacity: .max, by: main, at: 0)
        let permits = recorder.createResource(name: "s", kind: .semaphore, capacity: .max, by: main, at: 0)
        recorder.record(.taskResumed, task: main, at: 0)
        recorder.record(.queuePut, task: main, resource: queue, arg: .max, at: 0)
        recorder.record(.semaphoreAcquired, task: main, resource: permits, arg: .max, at: 1)
        recorder.record(.taskSleeping, task: main, arg: .max, at: 2)
        recorder.record(.taskResumed, task: worker, at: .max / 3)
        recorder.record(.loopBlockStarted, task: worker, arg: .max, at: .max / 3)
        recorder.record(.loopBlockEnded, task: worker, arg: .max, at: .max - 1)
        recorder.record(.taskWaiting, task: worker, resource: queue, arg: TraceEvent.waitArg(.get), at: .max - 1)
        recorder.record(.taskResumed, task: main, at: .max)
        recorder.record(.taskReturned, task: main, at: .max)
        recorder.record(.runEnded, at: .max)
        return store
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func everyStepRendersAtEveryTerminalSize(width: Int, height: Int) {
        let store = Self.extremeTrace()
        let cursor = TraceCursor(store: store)
        cursor.indexAll()
        for step in 0...cursor.totalSteps {
            cursor.seek(toStep: step)
            for replay in [false, true] {
                var state = AppState(replay: replay, width: width, height: height)
                state.selected = TaskID(2)
                state.showDetail = true
                _ = state.reduce(.worldChanged(WorldFacts(store: store, world: cursor.world, latestStep: cursor.totalSteps)))
                let screen = Screen.render(store: store, world: cursor.world, state: state, theme: .color, glyphs: .unicode,
                                           width: width, height: height).text()
                #expect(screen.contains("early"), "step \(step): the first task's lane is drawn")
            }
        }
    }

    @Test func thePlainReportAndTheExportsCopeWithTheLargestTimes() {
        let store = Self.extremeTrace()
        let report = PlainReport(store: store).render()
        #expect(report.contains("timeline (0 to "))
        #expect(report.contains("worker"))
        var chrome = "", jsonl: [String] = []
        ChromeTraceExporter(store: store).write { chrome += $0 }
        JSONLExporter(store: store).write { jsonl.append($0) }
        #expect(chrome.contains("\"ph\""))
        #expect(jsonl.count == 1 + store.events.count, "a header line, then a line per event")
        for index in 0..<store.events.count { _ = EventText.describe(store.events[index], in: store) }
    }
}
