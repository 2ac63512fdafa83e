import InterleaveTrace
import InterleaveUI
import Testing

/// The picker's screen: the highlighted demo stays in view with its summary, at any size.
@Suite struct PickerViewTests {
    static let entries = (0..<30).map { PickerState.Entry(name: "demo\($0)", title: "Title \($0)", summary: "Summary of demo \($0)") }

    func render(_ state: AppState, glyphs: Glyphs = .unicode) -> [String] {
        Screen.render(
            store: TraceStore(), world: WorldState(), state: state, theme: .monochrome, glyphs: glyphs,
            width: state.width, height: state.height
        ).lines()
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func theHighlightedDemoIsMarkedAndSummarised(width: Int, height: Int) {
        var state = AppState(picker: PickerState(entries: Self.entries), width: width, height: height)
        _ = state.reduce(.pickerLast)
        let lines = render(state)
        #expect(lines[0].contains("pick a demo"))
        let marked = lines.filter { $0.dropFirst().hasPrefix("▶") }
        #expect(marked.count == 1 && marked[0].contains("demo29"), "\(marked)")
        #expect(lines[height - 3].contains("Summary of demo 29"))
    }

    @Test func asciiMarksTheHighlightWithoutUnicode() {
        let state = AppState(picker: PickerState(entries: Self.entries, highlighting: "demo2"), width: 80, height: 24)
        let lines = render(state, glyphs: .ascii)
        #expect(lines.contains { $0.hasPrefix(" > demo2") })
        #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII } }, "\(lines.joined(separator: "\n"))")
    }

    @Test func aTinyTerminalGetsAMessage() {
        let state = AppState(picker: PickerState(entries: Self.entries), width: 30, height: 6)
        #expect(render(state)[0].hasPrefix("Terminal too small"))
    }
}
