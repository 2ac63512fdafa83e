import Demos
import Interleave
import InterleaveTrace
import InterleaveUI
import Testing

/// `interleave replay` shows the screens the live run showed: a demo's screens rendered while
/// its loop runs, step by step, equal the screens rendered from its recording (encoded and
/// decoded) at the same points, for every view that reads the trace.
@Suite struct ReplayScreenTests {
    static let names = ["gather", "lock", "queue", "deadlock", "errors", "timeout", "task-group", "race"]
    static let sizes = [(120, 40), (80, 24)]

    @Test(arguments: names)
    func replayedScreensEqualTheLiveScreensAtEveryStep(name: String) throws {
        let recorded = DemoRun(name)
        let encoder = TraceEncoder(store: recorded.store)
        let file = try TraceDecoder.decode(encoder.fileStart() + encoder.encodeNew())
        let replayed = TraceCursor(store: file.store)
        replayed.indexAll()

        let demo = try #require(Catalogue.named(name))
        let loop = Loop()
        // Deadlock demos end with tasks suspended; closing frees them and the loop.
        defer { loop.close() }
        demo.start(on: loop, options: DemoOptions())
        let live = TraceCursor(store: loop.store)
        for step in 0...replayed.totalSteps {
            // The loop has run `step` jobs and its store holds only what happened so far, as
            // when a live session is paused there.
            loop.reexecute(steps: step, injecting: [])
            live.catchUp()
            try compareScreens(live: live, replayed: replayed, at: "step \(step)")
        }
        loop.runUntilIdle()
        live.catchUp()
        #expect(live.world.eventCount == file.store.events.count)
        try compareScreens(live: live, replayed: replayed, at: "the end")
    }

    /// Moves the replay to the live cursor's event and compares every screen variant.
    private func compareScreens(live: TraceCursor, replayed: TraceCursor, at point: String) throws {
        replayed.seek(toEvent: live.world.eventCount)
        #expect(replayed.world == live.world, "world differs at \(point)")
        let liveFacts = WorldFacts(store: live.store, world: live.world, latestStep: live.totalSteps)
        let replayFacts = WorldFacts(store: replayed.store, world: replayed.world, latestStep: live.totalSteps)
        #expect(replayFacts == liveFacts, "facts differ at \(point)")
        for (width, height) in Self.sizes {
            for detail in [false, true] {
                var state = AppState(width: width, height: height)
                _ = state.reduce(.worldChanged(liveFacts))
                if detail {
                    state.selected = liveFacts.taskOrder.last
                    _ = state.reduce(.toggleDetail)
                }
                let liveText = Screen.render(
                    store: live.store, world: live.world, state: state, theme: .color, glyphs: .unicode,
                    width: width, height: height
                ).text()
                // A replay that has played up to here, as `interleave replay` and the cast export do.
                let replayText = Screen.render(
                    store: replayed.store, world: replayed.world, state: state, theme: .color, glyphs: .unicode,
                    width: width, height: height, reachedEventCount: replayed.world.eventCount
                ).text()
                guard replayText != liveText else { continue }
                let rows = Self.rowDiff(live: liveText, replayed: replayText)
                Issue.record("screen differs at \(point), \(width)x\(height)\(detail ? ", detail" : ""):\n\(rows)")
                return
            }
        }
    }

    /// The rows that differ, live above replayed, so a failure shows the cause at a glance.
    static func rowDiff(live: String, replayed: String) -> String {
        let liveRows = live.split(separator: "\n", omittingEmptySubsequences: false)
        let replayedRows = replayed.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for row in 0..<max(liveRows.count, replayedRows.count) {
            let a = row < liveRows.count ? String(liveRows[row]) : "<none>"
            let b = row < replayedRows.count ? String(replayedRows[row]) : "<none>"
            if a != b { lines.append("row \(row)\n  live:     \(a)\n  replayed: \(b)") }
        }
        return lines.prefix(6).joined(separator: "\n")
    }
}
