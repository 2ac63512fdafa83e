import Demos
import Interleave
import InterleaveTrace
import InterleaveUI
import Testing

/// What the user's interventions do to a run, and that the screen says so: rewinding returns
/// to the instant shown, a deadlock waits to be broken, and captions stop narrating a script
/// the run has left.
@Suite struct InterventionTests {

    @Test func rewindingStandsAtTheInstantTheViewShowedAndResumesFromIt() throws {
        let original = Loop()
        Catalogue.named("gather")!.start(on: original, options: DemoOptions())
        original.runUntilIdle()
        defer { original.close() }
        let cursor = TraceCursor(store: original.store)
        cursor.indexAll()
        // The newest step is never rewound to: resuming there just goes on.
        for step in 0..<cursor.totalSteps {
            cursor.seek(toStep: step)
            let shown = cursor.world
            let again = Loop()
            defer { again.close() }
            Catalogue.named("gather")!.start(on: again, options: DemoOptions())
            again.reexecute(steps: step, injecting: [], throughEvent: shown.eventCount)
            // The re-executed run holds exactly the events the view had folded, and its clock
            // stands at the time the header showed.
            #expect(again.store.events.count == shown.eventCount, "step \(step)")
            #expect(again.nowInNanoseconds == shown.time, "step \(step)")
            // Resuming goes on from there to the same end.
            again.runUntilIdle()
            #expect(again.store.events.snapshot() == original.store.events.snapshot(), "step \(step)")
        }
    }

    @Test func aLiveDeadlockWaitsAndAFaultOnACycleMemberBreaksIt() throws {
        let loop = DemoRun.liveLoop("deadlock")
        defer { loop.close() }
        loop.runUntilIdle()
        var world = Self.fold(loop.store)
        #expect(world.deadlocked)
        #expect(!world.ended, "a live deadlock leaves the run open")
        let task1 = try #require(Self.taskID("task1", in: loop.store))
        loop.inject(.fail, into: task1)
        loop.runUntilIdle()
        world = Self.fold(loop.store)
        #expect(!world.deadlocked)
        #expect(world.ended)
        #expect(world.tasks[task1.index].state == .failed)
        let task2 = try #require(Self.taskID("task2", in: loop.store))
        #expect(world.tasks[task2.index].state == .returned, "task2 gets both locks once task1 lets go")
    }

    @Test func captionsStopAtAnInterventionAndTheStoryTellsItsEffect() throws {
        let loop = DemoRun.liveLoop("gather")
        defer { loop.close() }
        loop.run(until: .milliseconds(500))
        let task2 = try #require(Self.taskID("task2", in: loop.store))
        loop.inject(.fail, into: task2)
        loop.runUntilIdle()
        let captions = loop.store.events.snapshot().filter { $0.kind == .caption }
            .map { loop.store.string(StringID(rawValue: UInt32($0.arg))) }
        #expect(captions == ["main starts task1 and task2 together and waits for both"])
        let world = Self.fold(loop.store)
        let story = try #require(InterventionStory(store: loop.store, world: world))
        #expect(story.text.hasPrefix("You made task2 fail at 0.500s: task2 failed"))
        #expect(story.text.contains("gather(2) raised its error in main; main failed in turn"))
        // asyncio's gather leaves task1 running: it finishes at 2 s, and the run ends there.
        #expect(story.text.contains("the run ended at 2.000s"))
        let caption = CaptionView(context: ViewContext(
            store: loop.store, world: world, state: AppState(width: 120, height: 40), theme: .color, glyphs: .unicode))
        #expect(caption.message.text == story.text)
    }

    static func taskID(_ name: String, in store: TraceStore) -> TaskID? {
        (0..<store.tasks.count).first { store.tasks[$0].name == name }.map { TaskID($0) }
    }

    static func fold(_ store: TraceStore) -> WorldState {
        var world = WorldState()
        for event in store.events.snapshot() { world.reduce(event) }
        return world
    }
}
