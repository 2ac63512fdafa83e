import InterleaveTrace
import InterleaveUI
import Testing

/// Single views drawn into small buffers: the parts the whole-screen snapshots do not reach.
@Suite struct ViewTests {
    /// A world with one resource of every kind, some contended.
    static func everyResource() -> (TraceStore, WorldState) {
        let s = Script(demoName: "kinds", title: "", fileID: "Demos/Kinds.swift", source: "")
        let main = s.task("main")
        let users = (1...4).map { s.task("user\($0)", parent: main) }
        let pool = s.resource("pool", .semaphore, capacity: 3, by: main)
        let cond = s.resource("changed", .condition, by: main)
        let full = s.resource("inbox", .queue, capacity: 2, by: main)
        let open = s.resource("log", .queue, by: main)
        let pending = s.resource("answer", .future, by: main)
        let done = s.resource("total", .future, by: main)
        let broken = s.resource("fetch", .future, by: main)
        s.event(.semaphoreAcquired, users[0], pool, arg: 1)
        s.event(.semaphoreAcquired, users[1], pool, arg: 2)
        s.event(.semaphoreAcquired, users[2], pool, arg: 3)
        s.wait(users[3], on: pool, .acquire)
        s.event(.queuePut, main, full, arg: 1)
        s.event(.queuePut, main, full, arg: 2)
        s.wait(users[0], on: full, .put)
        s.wait(users[1], on: cond, .wait)
        s.event(.queuePut, main, open, arg: 1)
        s.event(.futureResolved, main, done)
        s.event(.futureFailed, main, broken, arg: Int64(s.recorder.intern("TimeoutError").rawValue))
        s.wait(users[2], on: pending, .result)
        let cursor = s.cursor()
        return (s.store, cursor.world)
    }

    static func draw(_ store: TraceStore, _ world: WorldState, state: AppState = AppState(), width: Int, height: Int,
                     _ body: (ViewContext, Rect, inout Buffer) -> Void) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        let context = ViewContext(store: store, world: world, state: state, theme: .color, glyphs: .unicode)
        body(context, buffer.bounds, &buffer)
        return buffer
    }

    @Test func resourcesOfEveryKind() {
        let (store, world) = Self.everyResource()
        let buffer = Self.draw(store, world, width: 44, height: 16) { ResourcesView(context: $0).draw(in: $1, into: &$2) }
        assertSnapshot(buffer.text(), named: "resources-every-kind")
    }

    @Test func theLogScrollsBackThroughHistory() {
        let frame = Frame(Workloads.lockDemo(), at: "end", width: 80, height: 24)
        var state = frame.state
        let newest = Self.draw(frame.store, frame.cursor.world, state: state, width: 60, height: 8) {
            EventLogView(context: $0).draw(in: $1, into: &$2)
        }
        #expect(newest.lines()[6].contains("run ended"))
        state.scroll[.log] = 4
        let older = Self.draw(frame.store, frame.cursor.world, state: state, width: 60, height: 8) {
            EventLogView(context: $0).draw(in: $1, into: &$2)
        }
        #expect(older.lines()[6].contains("worker-3 released db"))
        #expect(older.lines()[0].contains("scrolled back 4"))
    }

    @Test func theCodePaneFollowsTheSelectedTask() {
        let source = (1...80).map { "line \($0)" }.joined(separator: "\n")
        let s = Script(demoName: "long", title: "", fileID: "Demos/Long.swift", source: source)
        let early = s.task("early", line: 3)
        let late = s.task("late", line: 70)
        s.resume(early, line: 3)
        s.resume(late, line: 70)
        let world = s.cursor().world
        var state = AppState()
        state.selected = late
        let buffer = Self.draw(s.store, world, state: state, width: 50, height: 12) { CodeView(context: $0).draw(in: $1, into: &$2) }
        #expect(buffer.text().contains("70 ▶ line 70"))
        #expect(buffer.text().contains("← late"))
        #expect(!buffer.text().contains("line 3\n"))
        state.selected = early
        let top = Self.draw(s.store, world, state: state, width: 50, height: 12) { CodeView(context: $0).draw(in: $1, into: &$2) }
        #expect(top.lines()[3].contains(" 3 ▶ line 3"))
    }

    @Test func theCodePaneSaysWhenThereIsNoSource() {
        let store = TraceStore()
        let buffer = Self.draw(store, WorldState(), width: 40, height: 5) { CodeView(context: $0).draw(in: $1, into: &$2) }
        #expect(buffer.text().contains("no source for this trace"))
    }

    @Test func aLintNewerThanTheCaptionWins() {
        let s = Script(demoName: "lint", title: "", fileID: "x", source: "")
        let main = s.task("main")
        s.caption("hello")
        s.event(.lint, main, arg: Int64(s.recorder.intern("main never awaited its task").rawValue))
        let buffer = Self.draw(s.store, s.cursor().world, width: 80, height: 1) { CaptionView(context: $0).draw(in: $1, into: &$2) }
        #expect(buffer.text() == " warning: main never awaited its task")
        s.caption("later caption")
        let later = Self.draw(s.store, s.cursor().world, width: 80, height: 1) { CaptionView(context: $0).draw(in: $1, into: &$2) }
        #expect(later.text() == " later caption")
    }

    @Test func theHeaderDropsLesserItemsWhenNarrow() {
        let frame = Frame(Workloads.lockDemo(), at: "contention", width: 80, height: 24, rewound: true)
        var state = frame.state
        state.recording = true
        let wide = Self.draw(frame.store, frame.cursor.world, state: state, width: 120, height: 1) {
            HeaderView(context: $0).draw(in: $1, into: &$2)
        }
        #expect(wide.text().hasSuffix("rewound to step 13 · step 13/19 · 1.800s · 1× · ● REC"))
        let narrow = Self.draw(frame.store, frame.cursor.world, state: state, width: 40, height: 1) {
            HeaderView(context: $0).draw(in: $1, into: &$2)
        }
        #expect(narrow.text().contains("1.800s"))
        #expect(!narrow.text().contains("1×"))
    }
}

/// The output pane: what the run printed, whoever printed it, newest last.
@Suite struct OutputViewTests {
    static func printing(_ count: Int) -> (TraceStore, WorldState) {
        let s = Script(demoName: "talk", title: "", fileID: "Demos/Talk.swift", source: "")
        let main = s.task("main")
        let worker = s.task("worker", parent: main)
        for n in 1...count {
            s.resume(n.isMultiple(of: 2) ? worker : main)
            s.say(n.isMultiple(of: 2) ? worker : main, "line \(n)")
        }
        return (s.store, s.cursor().world)
    }

    @Test func printedLinesShowNewestLastWithTheirTask() {
        let (store, world) = Self.printing(12)
        let buffer = ViewTests.draw(store, world, width: 40, height: 6) { OutputView(context: $0).draw(in: $1, into: &$2) }
        let lines = buffer.lines()
        #expect(lines[0].contains("Output"))
        #expect(lines[4].contains("worker: line 12"))
        #expect(lines[1].contains("main:   line 9"), "names in a column")
        #expect(lines[2].contains("worker: line 10"))
        #expect(!buffer.text().contains("line 8"))
    }

    @Test func itScrollsBackAndSaysWhenNothingWasPrinted() {
        let (store, world) = Self.printing(12)
        var state = AppState()
        state.scroll[.output] = 9
        let older = ViewTests.draw(store, world, state: state, width: 40, height: 6) {
            OutputView(context: $0).draw(in: $1, into: &$2)
        }
        #expect(older.lines()[4].contains("line 4") && older.lines()[1].contains("line 1"), "clamped at the oldest line")
        #expect(older.lines()[0].contains("scrolled back"))
        let empty = ViewTests.draw(store, WorldState(), width: 40, height: 6) {
            OutputView(context: $0).draw(in: $1, into: &$2)
        }
        #expect(empty.text().contains("nothing printed yet"))
    }
}
