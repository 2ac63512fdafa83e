import InterleaveTrace
import InterleaveUI
import Testing

/// Where the code pane looks when no task is selected or running.
@Suite struct CodeViewTests {
    private func render(_ s: Script, at mark: String? = nil) -> Buffer {
        let world = s.cursor(at: mark).world
        return ViewTests.draw(s.store, world, width: 50, height: 12) { CodeView(context: $0).draw(in: $1, into: &$2) }
    }

    private func script() -> Script {
        let source = (1...80).map { "line \($0)" }.joined(separator: "\n")
        let s = Script(demoName: "long", title: "", fileID: "Demos/Long.swift", source: source)
        let main = s.task("main", line: 3)
        let worker = s.task("worker", parent: main, line: 60)
        s.resume(main, line: 5)
        s.resume(worker, line: 60)
        s.mark("working")
        s.finish(worker, line: 62)
        s.finish(main, line: 8)
        s.event(.runEnded, .none)
        return s
    }

    @Test func afterTheRunEndsItStaysWhereTheLastTaskStood() {
        let text = render(script()).text()
        #expect(text.contains("line 8 "), "\(text)")
        #expect(!text.contains("line 1 "), "jumped back to line 1:\n\(text)")
    }

    @Test func aFinishedSelectedTaskKeepsItsLastLine() {
        let s = script()
        let worker = TaskID(1)
        var state = AppState()
        state.selected = worker
        let selected = ViewTests.draw(s.store, s.cursor().world, state: state, width: 50, height: 12) {
            CodeView(context: $0).draw(in: $1, into: &$2)
        }
        #expect(selected.text().contains("line 62 "))
        #expect(!selected.text().contains("line 1 "))
    }
}
