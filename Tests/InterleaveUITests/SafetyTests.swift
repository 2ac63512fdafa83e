import InterleaveTrace
import InterleaveUI
import Testing

/// Text from a trace is untrusted: no view may put a control character on the screen.
@Suite struct SafetyTests {
    static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J"

    /// A trace whose every piece of text tries to write escape sequences.
    static func hostileTrace() -> (TraceStore, WorldState) {
        let store = TraceStore(header: TraceHeader(demoName: hostile, title: hostile))
        store.addSource(SourceFile(fileID: "Demos/Evil.swift", text: "let a = 1\n\(hostile)\n\u{9B}31m\tb\r\n"))
        let recorder = TraceRecorder(store: store)
        let line = recorder.location(fileID: "Demos/Evil.swift", line: 2)
        let evil = recorder.createTask(name: hostile, parent: .none, at: 0, location: line)
        let child = recorder.createTask(name: "child" + hostile, parent: evil, at: 0, location: line)
        let lock = recorder.createResource(name: hostile, kind: .lock, by: evil, at: 0)
        recorder.record(.taskResumed, task: evil, at: 0, location: line)
        recorder.record(.lockAcquired, task: evil, resource: lock, arg: Int64(evil.rawValue), at: 0)
        recorder.record(.output, task: evil, arg: Int64(recorder.intern(hostile).rawValue), at: 0)
        recorder.record(.caption, arg: Int64(recorder.intern(hostile).rawValue), at: 0)
        recorder.record(.taskResumed, task: child, at: 0, location: line)
        recorder.record(.taskWaiting, task: child, resource: lock, arg: TraceEvent.waitArg(.acquire), at: 0, location: line)
        recorder.record(.taskFailed, task: evil, arg: Int64(recorder.intern(hostile).rawValue), at: 1_000_000)
        let cursor = TraceCursor(store: store)
        cursor.catchUp()
        return (store, cursor.world)
    }

    @Test(arguments: [(80, 24), (120, 40), (60, 20)])
    func hostileNamesRenderEscaped(width: Int, height: Int) {
        let (store, world) = Self.hostileTrace()
        for help in [false, true] {
            var state = AppState(width: width, height: height)
            state.selected = TaskID(0)
            state.showDetail = !help
            state.showHelp = help
            _ = state.reduce(.worldChanged(WorldFacts(store: store, world: world, latestStep: world.step)))
            let buffer = Screen.render(store: store, world: world, state: state, theme: .color, glyphs: .unicode, width: width, height: height)
            #expect(!buffer.cells.contains { SafeText.isControl($0.scalar) })
            #expect(!buffer.cells.contains { $0.scalar == "\u{1B}" })
            if width >= 80 {
                #expect(buffer.text().contains("\\e]0;pwned\\a\\e[2J"), "the name shows, escaped")
            }
        }
    }
}
