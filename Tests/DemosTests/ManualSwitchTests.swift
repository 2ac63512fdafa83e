import Demos
import Interleave
@testable import InterleaveApp
import InterleaveTrace
import Testing

/// `m` in a live run: the run is re-executed to the step on screen under a manual schedule
/// that replays the choices made so far, and stops there at the next choice; `m` again hands
/// the choices made by hand to a replay that goes on in FIFO order.
@Suite struct ManualSwitchTests {
    static func world(of store: TraceStore) -> WorldState {
        var world = WorldState()
        for event in store.events.snapshot() { world.reduce(event) }
        return world
    }

    static func source(_ name: String) -> LiveSource {
        LiveSource(policy: .fifo, speed: 1, startPaused: true) { policy in
            DemoRun.run(of: name).makeLoop(policy: policy)
        }
    }

    @Test func switchingOnAtAStepAsksTheNextChoiceThere() {
        let reference = DemoRun.liveLoop("lock")
        defer { reference.close() }
        reference.reexecute(steps: 1, injecting: [])
        let live = Self.source("lock")
        defer { live.retire() }
        live.switchSchedule(manual: true, from: 1, events: reference.store.events.count, speed: 1)
        #expect(live.policy == .manual(.fifo), "no choice was made in the first step")
        #expect(live.loop.steps == 1)
        let world = Self.world(of: live.store)
        #expect(world.choiceOffer.map { live.store.taskName($0) } == ["coroutine1", "coroutine2"])
        #expect(world.choicesMade == 0)
    }

    @Test func switchingOnLaterReplaysTheFIFOChoicesMadeBefore() {
        let reference = DemoRun.liveLoop("race")
        defer { reference.close() }
        reference.reexecute(steps: 4, injecting: [])
        let made = reference.scheduleMade
        #expect(made.choices.count > 0 && made.preemptions == 0)
        let live = Self.source("race")
        defer { live.retire() }
        live.switchSchedule(manual: true, from: 4, events: reference.store.events.count, speed: 1)
        #expect(live.policy == .manual(made))
        // The re-executed run records every choice it replays, so the trace alone gives it back.
        #expect(live.store.manualChoices(before: live.store.events.count) == made.choices)

        live.switchSchedule(manual: false, from: 4, events: live.store.events.count, speed: 1)
        #expect(live.policy == .replay(made))
        #expect(Self.world(of: live.store).choiceOffer.isEmpty)
    }
}
