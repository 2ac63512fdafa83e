import InterleaveTrace
import InterleaveUI
import Testing

/// Whole screens as text, at 80×24 and 120×40, for the moments a learner meets most.
@Suite struct ScreenSnapshotTests {
    static let sizes = [(80, 24), (120, 40)]

    @Test(arguments: sizes)
    func running(width: Int, height: Int) {
        let frame = Frame(Workloads.lockDemo(), at: "racing", width: width, height: height)
        assertSnapshot(frame.render().text(), named: "running-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func loopBlocked(width: Int, height: Int) {
        var frame = Frame(Workloads.lockDemo(), at: "blocked", width: width, height: height)
        frame.select("reporter")
        assertSnapshot(frame.render().text(), named: "blocked-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func pausedAndRewound(width: Int, height: Int) {
        var frame = Frame(Workloads.lockDemo(), at: "contention", width: width, height: height, rewound: true)
        _ = frame.state.reduce(.togglePause)
        frame.sync()
        frame.select("worker-2")
        _ = frame.state.reduce(.faster)
        assertSnapshot(frame.render().text(), named: "paused-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func failedTask(width: Int, height: Int) {
        var frame = Frame(Workloads.lockDemo(), at: "end", width: width, height: height)
        frame.select("worker-3")
        frame.state.recording = true
        assertSnapshot(frame.render().text(), named: "failed-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func deadlocked(width: Int, height: Int) {
        var frame = Frame(Workloads.deadlockDemo(), at: "deadlock", width: width, height: height)
        frame.select("alice")
        assertSnapshot(frame.render().text(), named: "deadlock-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func helpOverlay(width: Int, height: Int) {
        var frame = Frame(Workloads.lockDemo(), at: "racing", width: width, height: height)
        _ = frame.state.reduce(.toggleHelp)
        assertSnapshot(frame.render().text(), named: "help-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func taskDetail(width: Int, height: Int) {
        var frame = Frame(Workloads.lockDemo(), at: "contention", width: width, height: height)
        frame.select("worker-3")
        _ = frame.state.reduce(.toggleDetail)
        assertSnapshot(frame.render().text(), named: "detail-\(width)x\(height)")
    }

    @Test func tooSmall() {
        let frame = Frame(Workloads.lockDemo(), at: "racing", width: 60, height: 20)
        assertSnapshot(frame.render().text(), named: "too-small-60x20")
    }

    @Test func asciiReplay() {
        var frame = Frame(Workloads.lockDemo(), at: "contention", width: 80, height: 24, replay: true)
        frame.select("worker-1")
        assertSnapshot(frame.render(theme: .monochrome, glyphs: .ascii).text(), named: "ascii-replay-80x24")
    }

    @Test func presentation() {
        var frame = Frame(Workloads.lockDemo(), at: "contention", width: 120, height: 40)
        _ = frame.state.reduce(.togglePresentation)
        frame.select("worker-2")
        assertSnapshot(frame.render(theme: .presentation).text(), named: "presentation-120x40")
    }

    @Test func manyTasksScrollToTheSelection() {
        var frame = Frame(Workloads.crowd(), at: "busy", width: 80, height: 24)
        for _ in 0..<22 { _ = frame.state.reduce(.selectNext) }
        #expect(frame.state.selected == frame.task("worker20"))
        #expect(frame.state.scroll[.timeline] > 0)
        assertSnapshot(frame.render().text(), named: "many-tasks-80x24")
    }
}
