import InterleaveTrace
import InterleaveUI
import Testing

/// Lanes, tree order and the time scale, checked as small pictures.
@Suite struct TimelineTests {
    /// A lane as text: one glyph per column, blank where empty.
    static func picture(_ cells: [UInt8]) -> String {
        String(String.UnicodeScalarView(cells.map { LaneBuilder.state($0).map { Glyphs.ascii.state($0) } ?? " " }))
    }

    @Test func aLaneShowsEachStateAtItsTime() {
        // One column per 100 ms: run at 0, sleep to 0.5 s, run, wait to 1 s, run, finish.
        let store = TraceStore()
        let r = TraceRecorder(store: store)
        let t = r.createTask(name: "t", parent: .none, at: 0)
        r.record(.taskResumed, task: t, at: 0)
        r.record(.taskSleeping, task: t, arg: 500_000_000, at: 0)
        r.record(.taskWoken, task: t, at: 500_000_000)
        r.record(.taskResumed, task: t, at: 500_000_000)
        r.record(.taskWaiting, task: t, resource: ResourceID(0), at: 500_000_000)
        r.record(.taskWoken, task: t, at: 1_000_000_000)
        r.record(.taskResumed, task: t, at: 1_000_000_000)
        r.record(.taskReturned, task: t, at: 1_000_000_000)
        let cursor = TraceCursor(store: store)
        cursor.catchUp()
        var builder = LaneBuilder()
        let scale = TimeScale(span: 1_000_000_000, columns: 12)
        #expect(scale.nanosecondsPerColumn == 100_000_000)
        let cells = builder.build(task: t, store: store, world: cursor.world, scale: scale)
        #expect(Self.picture(cells) == "#----#~~~~#.")
    }

    @Test func aLaneStopsAtTheCursorWhenRewound() {
        let store = TraceStore()
        let r = TraceRecorder(store: store)
        let t = r.createTask(name: "t", parent: .none, at: 0)
        r.record(.taskResumed, task: t, at: 0)
        r.record(.taskSleeping, task: t, arg: 900_000_000, at: 0)
        r.record(.taskWoken, task: t, at: 900_000_000)
        r.record(.taskResumed, task: t, at: 900_000_000)
        r.record(.taskFailed, task: t, at: 900_000_000)
        let cursor = TraceCursor(store: store)
        cursor.catchUp()
        var builder = LaneBuilder()
        let scale = TimeScale(span: 1_000_000_000, columns: 12)
        #expect(Self.picture(builder.build(task: t, store: store, world: cursor.world, scale: scale)) == "#--------#x ")
        // After one job the task has slept and been woken, but not run again.
        cursor.seek(toStep: 1)
        #expect(Self.picture(builder.build(task: t, store: store, world: cursor.world, scale: scale)) == "#--------+  ")
    }

    @Test func blockingTheLoopShowsAsItsOwnState() {
        let s = Workloads.lockDemo()
        let cursor = s.cursor(at: "contention")
        var builder = LaneBuilder()
        let scale = TimeScale(span: 2_000_000_000, columns: 22)
        let reporter = TaskID(1)
        let lane = Self.picture(builder.build(task: reporter, store: s.store, world: cursor.world, scale: scale))
        #expect(lane == "#~~~~~~~~~~~~~~!!!#   ")
    }

    @Test func tasksAreOrderedAsATree() {
        let store = TraceStore()
        let r = TraceRecorder(store: store)
        let main = r.createTask(name: "main", parent: .none, at: 0)
        let a = r.createTask(name: "a", parent: main, at: 0)
        let other = r.createTask(name: "other", parent: .none, at: 0)
        let b = r.createTask(name: "b", parent: main, at: 0)
        let a1 = r.createTask(name: "a1", parent: a, at: 0)
        let tree = TaskTree(store: store, taskCount: 5)
        #expect(tree.order == [main, a, a1, b, other])
        #expect(tree.depth == [0, 1, 2, 1, 0])
        #expect(TaskTree(store: store, taskCount: 2).order == [main, a])
    }

    @Test func aParentFromTheFutureIsTreatedAsARoot() {
        let store = TraceStore()
        store.tasks.append(TaskInfo(name: "x", parent: TaskID(1), location: .unknown, createdAt: 0))
        store.tasks.append(TaskInfo(name: "y", parent: TaskID(0), location: .unknown, createdAt: 1))
        #expect(TaskTree(store: store, taskCount: 2).order == [TaskID(0), TaskID(1)])
    }

    @Test func theScaleIsRoundAndTheTicksAreShort() {
        let scale = TimeScale(span: 2 * nanosecondsPerSecond, columns: 50)
        #expect(scale.nanosecondsPerColumn == 50_000_000)
        #expect(scale.ticks(spacing: 8).map(\.label) == ["0s", "0.5s", "1s", "1.5s", "2s"])
        #expect(scale.ticks(spacing: 8).map(\.column) == [0, 10, 20, 30, 40])
        let fine = TimeScale(span: 2_000_000, columns: 40)
        #expect(fine.ticks(spacing: 8).first?.label == "0s")
        #expect(fine.ticks(spacing: 8).dropFirst().first?.label == "0.5ms")
        #expect(TimeScale(span: 10, columns: 10).column(1_000) == 9, "late times clamp to the last column")
    }

    @Test func aThousandLanesStillRenderTheSelectedLanes() {
        // 1,000 tasks × 100 events, rendered at 200×60: only the visible lanes are walked.
        let store = SyntheticTrace.crowd(lanes: 1000, rounds: 34)
        #expect(store.events.count > 100_000)
        let cursor = TraceCursor(store: store)
        cursor.catchUp()
        var state = AppState(width: 200, height: 60)
        _ = state.reduce(.worldChanged(WorldFacts(store: store, world: cursor.world, latestStep: cursor.totalSteps)))
        _ = state.reduce(.selectNext)
        // Speed is measured by `interleave bench` (render); here: a huge world still draws right.
        let buffer = Screen.render(store: store, world: cursor.world, state: state, theme: .color, glyphs: .unicode,
                                   width: 200, height: 60)
        let text = buffer.text()
        #expect(text.contains("task1"))
        #expect(text.contains("Timeline"))
    }
}

/// Every glyph a lane can show is in the legend, when the pane is wide enough for all of them.
@Test func theLegendExplainsEveryLaneGlyph() {
    let frame = Frame(Workloads.lockDemo(), at: "contention", width: 160, height: 40)
    let legend = frame.render().lines().first { $0.contains("run") && $0.contains("ready") } ?? ""
    for state in [TaskState.created, .running, .ready, .sleeping, .waiting, .blocking, .returned, .failed, .cancelled] {
        #expect(legend.contains(String(Glyphs.unicode.state(state))), "legend lacks \(state): \(legend)")
    }
    #expect(legend.contains("┄new"))
}

/// The axis spans a run steps through: a few nice values, each at least the time asked for.
@Test func niceSpansAreOneTwoTwoAndAHalfOrFive() {
    let second = nanosecondsPerSecond
    #expect(TimeScale.niceSpan(100_000_000) == 100_000_000)
    #expect(TimeScale.niceSpan(120_000_000) == 200_000_000)
    #expect(TimeScale.niceSpan(2 * second + 1) == 2_500_000_000)
    #expect(TimeScale.niceSpan(4 * second) == 5 * second)
    #expect(TimeScale.niceSpan(6 * second) == 10 * second)
    #expect(TimeScale.niceSpan(.max / 2) >= .max / 2)
}

/// Stepping back or rewinding (a rewind starts a shorter trace) keeps the axis; a restart resets it.
@Test func theAxisSpanOnlyGrowsUntilARestart() {
    var state = AppState()
    let order = [TaskID(0)]
    _ = state.reduce(.worldChanged(WorldFacts(step: 9, latestStep: 9, taskOrder: order, time: 4_000_000_000)))
    #expect(state.timeAxisSpan == 4_000_000_000)
    _ = state.reduce(.worldChanged(WorldFacts(step: 1, latestStep: 1, taskOrder: order, time: 0)))
    #expect(state.timeAxisSpan == 4_000_000_000)
    _ = state.reduce(.restart)
    #expect(state.timeAxisSpan == 0)
}

/// After a rewind to the start, stepping forward does not rescale the axis.
@Test func theAxisHoldsStillWhileSteppingAfterARewind() {
    let script = Workloads.lockDemo()
    var state = AppState(width: 120, height: 40)
    let end = script.cursor().world
    _ = state.reduce(.worldChanged(WorldFacts(store: script.store, world: end, latestStep: end.step)))
    var axes: Set<String> = []
    for mark in ["racing", "contention"] {
        let prefix = script.truncated(at: mark)
        let world = script.cursor(at: mark).world
        _ = state.reduce(.worldChanged(WorldFacts(store: prefix, world: world, latestStep: world.step)))
        let lines = Screen.render(store: prefix, world: world, state: state, theme: .color, glyphs: .unicode, width: 120, height: 40).lines()
        axes.insert(lines.first { $0.contains("now ") && $0.contains("0s") }.map { String($0.dropFirst(15)) } ?? "")
    }
    #expect(axes.count == 1, "\(axes)")
}
