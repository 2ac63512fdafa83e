import InterleaveTrace
import InterleaveUI
import Testing

/// Every action the keys can send, through the pure reducer: state changes and effects.
@Suite struct ReducerTests {
    /// A state as the driver leaves it after a world update: `tasks` lanes, at `step` of `latest`.
    static func state(
        replay: Bool = false, tasks: Int = 5, step: Int = 3, latest: Int = 3, ended: Bool = false,
        width: Int = 80, height: Int = 24
    ) -> AppState {
        var state = AppState(replay: replay, width: width, height: height)
        let facts = WorldFacts(
            step: step, latestStep: latest, taskOrder: (0..<tasks).map { TaskID($0) }, ended: ended,
            eventCount: 100, resourceCount: 4)
        _ = state.reduce(.worldChanged(facts))
        return state
    }

    @Test func spacePausesThenResumes() {
        var s = Self.state()
        #expect(s.reduce(.togglePause) == [.pause])
        #expect(s.mode == .paused)
        #expect(s.reduce(.togglePause) == [.resume])
        #expect(s.mode == .live)
    }

    @Test func resumingAReplayReturnsToReplay() {
        var s = Self.state(replay: true)
        #expect(s.mode == .replay)
        _ = s.reduce(.togglePause)
        #expect(s.reduce(.togglePause) == [.resume])
        #expect(s.mode == .replay)
    }

    @Test func stepPausesFirstThenSteps() {
        var s = Self.state()
        #expect(s.reduce(.stepForward) == [.pause, .step(1)])
        #expect(s.mode == .paused)
        #expect(s.reduce(.stepForward) == [.step(1)])
    }

    @Test func stepAtTheEndOfAFinishedRunSaysSo() {
        var s = Self.state(ended: true)
        _ = s.reduce(.togglePause)
        #expect(s.reduce(.stepForward) == [])
        #expect(s.status == .runEnded)
        var replay = Self.state(replay: true, step: 7, latest: 7)
        _ = replay.reduce(.togglePause)
        #expect(replay.reduce(.stepForward) == [])
        #expect(replay.status == .atEnd)
    }

    @Test func theRewindNoteGoesWhenTheRunEnds() {
        // Seen in tmux: "rewound to step 5: running again from there" stayed under an ended run.
        var s = Self.state(step: 5, latest: 5)
        s.status = .rewound(toStep: 5)
        _ = s.reduce(.worldChanged(WorldFacts(step: 7, latestStep: 7, taskOrder: [TaskID(0)])))
        #expect(s.status == .rewound(toStep: 5), "still running from there")
        _ = s.reduce(.worldChanged(WorldFacts(step: 9, latestStep: 9, taskOrder: [TaskID(0)], ended: true)))
        #expect(s.status == nil)
        s.status = .speed("2×")
        _ = s.reduce(.worldChanged(WorldFacts(step: 9, latestStep: 9, taskOrder: [TaskID(0)], ended: true)))
        #expect(s.status == .speed("2×"), "other notes answer a command and stay until the next one")
    }

    @Test func stepBackPausesAndStopsAtStepZero() {
        var s = Self.state(step: 2, latest: 2)
        #expect(s.reduce(.stepBack) == [.pause, .stepBack(1)])
        var start = Self.state(step: 0, latest: 5)
        _ = start.reduce(.togglePause)
        #expect(start.reduce(.stepBack) == [])
        #expect(start.status == .atStart)
    }

    @Test func runUntilNeedsASelectedTask() {
        var s = Self.state()
        #expect(s.reduce(.runUntilSelectedTaskEvent) == [])
        #expect(s.status == .needsSelection)
        _ = s.reduce(.selectNext)
        #expect(s.reduce(.runUntilSelectedTaskEvent) == [.pause, .runUntilTaskEvent(TaskID(0))])
        #expect(s.mode == .paused)
    }

    @Test func speedDoublesAndHalvesWithinLimits() {
        var s = Self.state()
        #expect(s.speed == 1)
        #expect(s.reduce(.faster) == [.setSpeed(2)])
        #expect(s.speedLabel() == "2×")
        #expect(s.status == .speed("2×"))
        for _ in 0..<10 { _ = s.reduce(.faster) }
        #expect(s.speed == 64)
        #expect(s.reduce(.faster) == [])
        for _ in 0..<20 { _ = s.reduce(.slower) }
        #expect(s.speed == 1.0 / 16)
        #expect(s.speedLabel() == "1/16×")
        #expect(s.reduce(.slower) == [])
    }

    @Test func initialSpeedSnapsToAPowerOfTwo() {
        #expect(AppState(speed: 3.5).speed == 4)
        #expect(AppState(speed: 0.3).speed == 0.25)
        #expect(AppState(speed: 1000).speed == 64)
        #expect(AppState(speed: -1).speed == 1)
    }

    @Test func enterTogglesDetailsSelectingTheFirstTaskIfNeeded() {
        var s = Self.state()
        #expect(s.reduce(.toggleDetail) == [])
        #expect(s.showDetail)
        #expect(s.selected == TaskID(0))
        _ = s.reduce(.toggleDetail)
        #expect(!s.showDetail)
        var empty = Self.state(tasks: 0)
        _ = empty.reduce(.toggleDetail)
        #expect(!empty.showDetail)
        #expect(empty.status == .needsSelection)
    }

    @Test(arguments: [(Action.injectFail, FaultKind.fail), (.injectCancel, .cancel), (.injectStall, .stall)])
    func faultKeysInjectIntoTheSelectedTask(action: Action, fault: FaultKind) {
        var s = Self.state()
        #expect(s.reduce(action) == [])
        #expect(s.status == .needsSelection)
        _ = s.reduce(.selectNext)
        _ = s.reduce(.selectNext)
        #expect(s.reduce(action) == [.inject(fault, TaskID(1))])
        #expect(s.status == .injected(fault, TaskID(1)))
        var replay = Self.state(replay: true)
        _ = replay.reduce(.selectNext)
        #expect(replay.reduce(action) == [])
        #expect(replay.status == .needsRuntime)
    }

    @Test func restartResetsTheViewButKeepsSpeedAndSelection() {
        var s = Self.state(step: 2, latest: 9)
        _ = s.reduce(.selectNext)
        _ = s.reduce(.faster)
        _ = s.reduce(.togglePause)
        _ = s.reduce(.toggleDetail)
        #expect(s.reduce(.restart) == [.restart])
        #expect(s.mode == .live)
        #expect(s.rewoundTo == nil)
        #expect(!s.showDetail)
        #expect(s.speed == 2)
        #expect(s.selected == TaskID(0))
    }

    @Test func questionMarkTogglesHelp() {
        var s = Self.state()
        #expect(s.reduce(.toggleHelp) == [])
        #expect(s.showHelp)
        _ = s.reduce(.toggleHelp)
        #expect(!s.showHelp)
    }

    @Test func qQuits() {
        var s = Self.state()
        #expect(s.reduce(.quit) == [.quit])
        #expect(s.shouldQuit)
    }

    @Test func capitalRTogglesRecording() {
        var s = Self.state()
        #expect(s.reduce(.toggleRecording) == [.toggleRecording])
        #expect(s.recording)
        #expect(s.status == .recording(true))
        _ = s.reduce(.toggleRecording)
        #expect(!s.recording)
    }

    @Test func gGoesToTheStartAndCapitalGToTheEnd() {
        var s = Self.state(step: 5, latest: 5)
        #expect(s.reduce(.seekStart) == [.pause, .seek(toStep: 0)])
        _ = s.reduce(.worldChanged(WorldFacts(step: 0, latestStep: 5, taskOrder: s.taskOrder)))
        #expect(s.rewoundTo == 0)
        #expect(s.reduce(.seekEnd) == [.seek(toStep: 5)])
        _ = s.reduce(.worldChanged(WorldFacts(step: 5, latestStep: 5, taskOrder: s.taskOrder)))
        #expect(s.rewoundTo == nil)
        #expect(s.reduce(.seekEnd) == [])
        #expect(s.status == .atEnd)
    }

    @Test func bracketsMoveBetweenCaptions() {
        var s = Self.state()
        #expect(s.reduce(.previousCaption) == [.pause, .seekCaption(forward: false)])
        #expect(s.reduce(.nextCaption) == [.seekCaption(forward: true)])
    }

    @Test func escapeClosesOverlaysBeforeLeaving() {
        var s = Self.state()
        _ = s.reduce(.toggleDetail)
        _ = s.reduce(.toggleHelp)
        #expect(s.reduce(.backToPicker) == [])
        #expect(!s.showHelp && s.showDetail)
        #expect(s.reduce(.backToPicker) == [])
        #expect(!s.showDetail)
        #expect(s.reduce(.backToPicker) == [.backToPicker])
    }

    @Test func worldUpdatesSetTheRewoundNoteAndDropVanishedTasks() {
        var s = Self.state(tasks: 5, step: 3, latest: 3)
        _ = s.reduce(.selectPrevious)
        _ = s.reduce(.toggleDetail)
        _ = s.reduce(.worldChanged(WorldFacts(step: 2, latestStep: 9, taskOrder: s.taskOrder, deadlocked: true)))
        #expect(s.rewoundTo == 2)
        #expect(s.deadlocked)
        _ = s.reduce(.worldChanged(WorldFacts(step: 0, latestStep: 0, taskOrder: [TaskID(0)])))
        #expect(s.selected == nil)
        #expect(!s.showDetail)
        var replay = Self.state(replay: true, step: 2, latest: 9)
        _ = replay.reduce(.worldChanged(WorldFacts(step: 2, latestStep: 9, taskOrder: [])))
        #expect(replay.rewoundTo == nil, "a replay is never 'rewound': it has no live edge")
    }

    @Test func statusClearsOnTheDriversTimerOrTheNextCommand() {
        var s = Self.state()
        _ = s.reduce(.faster)
        _ = s.reduce(.clearStatus)
        #expect(s.status == nil)
        _ = s.reduce(.faster)
        _ = s.reduce(.worldChanged(WorldFacts(step: 4, latestStep: 4, taskOrder: s.taskOrder)))
        #expect(s.status == .speed("4×"), "world updates keep the note")
        _ = s.reduce(.toggleHelp)
        #expect(s.status == nil, "the next key replaces it")
    }

    // MARK: Interventions

    static func facts(deadlocked: Bool = false, states: [TaskState] = [.waiting, .waiting, .waiting], step: Int = 3) -> WorldFacts {
        WorldFacts(
            step: step, latestStep: step, taskOrder: states.indices.map { TaskID($0) }, deadlocked: deadlocked,
            eventCount: 40, resourceCount: 2, taskStates: states)
    }

    @Test func aLiveRunPausesAtADeadlockAndSaysHowToBreakIt() {
        var s = AppState()
        _ = s.reduce(.worldChanged(Self.facts()))
        #expect(s.reduce(.worldChanged(Self.facts(deadlocked: true))) == [.pause])
        #expect(s.mode == .paused)
        #expect(s.status == nil, "the caption bar belongs to the cycle")
        // Stepping cannot move a deadlocked run.
        #expect(s.reduce(.stepForward) == [])
        #expect(s.status == .deadlocked)
    }

    @Test func aFaultAtADeadlockIsInjectedAndTheRunGoesOn() {
        var s = AppState()
        _ = s.reduce(.worldChanged(Self.facts(deadlocked: true)))
        s.selected = TaskID(1)
        #expect(s.reduce(.injectFail) == [.inject(.fail, TaskID(1)), .resume])
        #expect(s.mode == .live)
        #expect(s.status == .injected(.fail, TaskID(1)))
    }

    @Test func aFinishedTaskRefusesFaultsAndNothingIsInjected() {
        var s = AppState()
        _ = s.reduce(.worldChanged(Self.facts(states: [.waiting, .returned, .cancelled])))
        s.selected = TaskID(1)
        #expect(s.reduce(.injectFail) == [])
        #expect(s.status == .alreadyFinished(TaskID(1), .returned))
        s.selected = TaskID(2)
        #expect(s.reduce(.injectCancel) == [])
        #expect(s.status == .alreadyFinished(TaskID(2), .cancelled))
        s.selected = TaskID(0)
        #expect(s.reduce(.injectCancel) == [.inject(.cancel, TaskID(0))])
    }

    @Test func aReplayOfADeadlockDoesNotPauseByItself() {
        var s = AppState(replay: true)
        #expect(s.reduce(.worldChanged(Self.facts(deadlocked: true))) == [])
        #expect(s.mode == .replay)
    }
}
