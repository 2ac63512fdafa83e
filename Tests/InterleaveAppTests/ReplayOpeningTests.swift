import InterleaveTrace
import InterleaveUI
import Testing
@testable import InterleaveApp

/// `interleave replay` of a failure found by `explore` opens paused at the first choice that
/// differs from FIFO, and goes on from there as from any paused step.
@Suite struct ReplayOpeningTests {
    /// main, then alice and bob at 0.1s, where the schedule runs bob ahead of alice; the
    /// index of the `.preempted` event is returned with the store.
    static func explored(preempting: Bool = true) -> (TraceStore, Int) {
        var header = TraceHeader(demoName: "bank", schedule: preempting ? "replay" : "fifo")
        header.choices = preempting ? [0, 1] : []
        let store = TraceStore(header: header)
        let r = TraceRecorder(store: store)
        let main = r.createTask(name: "main", parent: .none, at: 0)
        r.record(.taskResumed, task: main, at: 0)
        let alice = r.createTask(name: "alice", parent: main, at: 0)
        let bob = r.createTask(name: "bob", parent: main, at: 0)
        r.record(.taskSleeping, task: main, arg: 1_000_000_000, at: 0)
        let preempted = store.events.count
        if preempting { r.record(.preempted, task: bob, arg: Int64(alice.rawValue), at: 100_000_000) }
        for task in preempting ? [bob, alice] : [alice, bob] {
            r.record(.taskResumed, task: task, at: 100_000_000)
            r.record(.taskReturned, task: task, at: 100_000_000)
        }
        r.record(.taskResumed, task: main, at: 1_000_000_000)
        r.record(.taskReturned, task: main, at: 1_000_000_000)
        return (store, preempted)
    }

    @Test func aReplayOpensPausedAtTheFirstDivergence() {
        let (store, preempted) = Self.explored()
        let cursor = TraceCursor(store: store)
        var state = AppState(replay: true, width: 80, height: 24)
        var player = ReplayPlayer()
        #expect(ReplayOpening.atFirstDivergence(cursor: cursor, state: &state, player: &player))
        #expect(cursor.world.eventCount == preempted + 1 && cursor.world.lastPreemption == preempted)
        #expect(state.mode == .paused && !player.playing)
        #expect(state.step == 1 && state.latestStep == 4)
        // Paused, nothing plays on however long the frame loop ticks.
        let moved = player.advance(cursor, bySeconds: 60)
        #expect(!moved)
        #expect(cursor.world.eventCount == preempted + 1)
        #expect(player.displayTime(cursor) == 100_000_000)
    }

    @Test func steppingOnBackAndResumingGoOnFromThere() {
        let (store, preempted) = Self.explored()
        let cursor = TraceCursor(store: store)
        var state = AppState(replay: true, width: 80, height: 24)
        var player = ReplayPlayer()
        ReplayOpening.atFirstDivergence(cursor: cursor, state: &state, player: &player)
        // The step key runs bob's job, the chosen one; stepping back returns to the choice.
        let step = state.reduce(.stepForward)
        #expect(step == [.step(1)])
        cursor.seek(toStep: cursor.world.step + 1)
        #expect(cursor.world.tasks[2].state == .returned && cursor.world.tasks[1].state == .created)
        #expect(cursor.world.eventCount == preempted + 3)
        let back = state.reduce(.stepBack)
        #expect(back == [.stepBack(1)])
        cursor.seek(toStep: cursor.world.step - 1)
        #expect(cursor.world.eventCount == preempted + 1)
        // Resuming plays the rest from the choice's time.
        let resume = state.reduce(.togglePause)
        #expect(resume == [.resume])
        #expect(state.mode == .replay)
        player.playing = true
        player.resetClock(at: cursor.world.time)
        let played = player.advance(cursor, bySeconds: 1)
        #expect(played)
        #expect(cursor.world.eventCount == store.events.count)
    }

    @Test func aFIFOTraceOrALiveRunOpensAsBefore() {
        let (fifo, _) = Self.explored(preempting: false)
        var state = AppState(replay: true, width: 80, height: 24)
        var player = ReplayPlayer()
        let cursor = TraceCursor(store: fifo)
        #expect(!ReplayOpening.atFirstDivergence(cursor: cursor, state: &state, player: &player))
        #expect(state.mode == .replay && player.playing && cursor.world.eventCount == 0)

        let (explored, _) = Self.explored()
        var live = AppState(replay: false, width: 80, height: 24)
        #expect(!ReplayOpening.atFirstDivergence(cursor: TraceCursor(store: explored), state: &live, player: &player))
        #expect(live.mode == .live)
    }
}
