import InterleaveTrace
import InterleaveUI
import Testing

/// The `e` key through the pure reducer: asking for a search, cancelling it, the offer it
/// comes back with, and Enter taking the offer.
@Suite struct ExploreReducerTests {
    static let found = ExploreResult.found(failure: "overdraft: balance -60", schedules: 3, fromStep: 3)

    @Test func eInARunningLivePausesAndExploresFromTheStepOnScreen() {
        var s = ReducerTests.state(step: 3, latest: 5)
        #expect(s.reduce(.explore) == [.pause, .explore(fromStep: 3)])
        #expect(s.mode == .paused)
        #expect(s.exploringFrom == 3)
        #expect(s.status == .exploring(fromStep: 3))
        #expect(s.status?.text(store: TraceStore()) == "exploring from step 3… (e cancels)")
    }

    @Test func eWhilePausedExploresWithoutAnotherPause() {
        var s = ReducerTests.state()
        _ = s.reduce(.togglePause)
        #expect(s.reduce(.explore) == [.explore(fromStep: 3)])
    }

    @Test func aSecondECancelsTheSearchAndItsLateResultIsDropped() {
        var s = ReducerTests.state()
        _ = s.reduce(.explore)
        #expect(s.reduce(.explore) == [.cancelExplore])
        #expect(s.exploringFrom == nil)
        #expect(s.status == .message("explore cancelled"))
        _ = s.reduce(.exploreFinished(Self.found))
        #expect(s.status == .message("explore cancelled"))
    }

    @Test func aRestartDropsTheSearchFromTheOldRun() {
        var s = ReducerTests.state()
        _ = s.reduce(.explore)
        _ = s.reduce(.restart)
        _ = s.reduce(.exploreFinished(Self.found))
        #expect(s.status == nil)
        #expect(s.reduce(.toggleDetail).isEmpty, "Enter keeps its meaning: no offer shows")
        #expect(s.showDetail)
    }

    @Test func aFailureFoundBecomesAnOfferThatFitsEightyColumns() {
        var s = ReducerTests.state()
        _ = s.reduce(.explore)
        _ = s.reduce(.stepForward)   // other keys go on while the search runs
        _ = s.reduce(.exploreFinished(Self.found))
        #expect(s.exploringFrom == nil)
        #expect(s.status == .exploreFound(failure: "overdraft: balance -60", schedules: 3, fromStep: 3))
        #expect(s.status?.text(store: TraceStore()) == "found overdraft: balance -60 in 3 schedules — enter: see it")
        let long = StatusNote.exploreFound(failure: String(repeating: "stuck ", count: 30), schedules: 12_345, fromStep: 9)
        let text = long.text(store: TraceStore())
        #expect(text.count <= 74 && text.hasSuffix("… in 12,345 schedules — enter: see it"), "\(text)")
    }

    @Test func enterOnTheOfferFollowsIt() {
        var s = ReducerTests.state()
        _ = s.reduce(.explore)
        _ = s.reduce(.exploreFinished(Self.found))
        #expect(s.reduce(.toggleDetail) == [.followExploreOffer])
        #expect(s.status == nil)
        #expect(!s.showDetail)
        #expect(s.reduce(.toggleDetail).isEmpty, "the offer is taken once; Enter shows details again")
        #expect(s.showDetail)
    }

    @Test func enterOnTheOfferPausesARunningRun() {
        var s = ReducerTests.state()
        _ = s.reduce(.explore)
        _ = s.reduce(.togglePause)   // resumed while the search ran
        _ = s.reduce(.exploreFinished(Self.found))
        #expect(s.reduce(.toggleDetail) == [.pause, .followExploreOffer])
        #expect(s.mode == .paused)
    }

    @Test func anyOtherKeyDismissesTheOffer() {
        var s = ReducerTests.state()
        _ = s.reduce(.explore)
        _ = s.reduce(.exploreFinished(Self.found))
        _ = s.reduce(.selectNext)
        #expect(s.status == nil)
        #expect(s.reduce(.toggleDetail).isEmpty)
    }

    @Test func nothingFoundSaysHowManySchedulesFromWhichStep() {
        var s = ReducerTests.state()
        _ = s.reduce(.explore)
        _ = s.reduce(.exploreFinished(.nothingFound(schedules: 2_000, fromStep: 3)))
        #expect(s.status?.text(store: TraceStore()) == "explore: no failure in 2,000 schedules from step 3")
        #expect(s.reduce(.toggleDetail).isEmpty)
    }

    @Test func aRefusalIsOneLine() {
        var s = ReducerTests.state()
        _ = s.reduce(.explore)
        _ = s.reduce(.exploreFinished(.unavailable("explore needs a run without injected faults: press r to restart")))
        #expect(s.status == .message("explore needs a run without injected faults: press r to restart"))
        #expect(s.exploringFrom == nil)
    }

    @Test func aResultForAnotherStepIsDropped() {
        var s = ReducerTests.state()
        _ = s.reduce(.explore)
        _ = s.reduce(.exploreFinished(.nothingFound(schedules: 5, fromStep: 1)))
        #expect(s.status == .exploring(fromStep: 3))
        #expect(s.exploringFrom == 3)
    }

    @Test func aRecordingHasNoProgramToExplore() {
        var s = ReducerTests.state(replay: true)
        #expect(s.reduce(.explore).isEmpty)
        let store = TraceStore()
        store.header.demoName = "bank"
        #expect(s.status?.text(store: store) == "explore needs the program: run `interleave explore bank`")
        #expect(s.status?.text(store: TraceStore()) == "explore needs the program: run `interleave explore DEMO`")
    }

    @Test func aDemosRecordingExploresLikeALiveRun() {
        var s = ReducerTests.state(replay: true)
        s.replayCanExplore = true
        let step = s.step
        #expect(s.reduce(.explore) == [.pause, .explore(fromStep: step)], "a playing replay pauses where it searches from")
        #expect(s.status == .exploring(fromStep: step))
    }

    @Test func eIsBoundInEveryRunModeAndListedInTheHelp() {
        let keys = KeyMap()
        for mode in AppState.runModes { #expect(keys.action(for: .character("e"), mode: mode) == .explore) }
        #expect(keys.action(for: .character("e"), mode: .picker) == nil)
        #expect(keys.helpBindings(mode: .live).contains { $0.action == .explore && $0.label == "e" })
        // One key, one meaning: nothing else in a run's table claims `e`.
        #expect(keys.bindings.filter { $0.keys.contains(.character("e")) && !$0.modes.isDisjoint(with: AppState.runModes) }.count == 1)
    }
}
