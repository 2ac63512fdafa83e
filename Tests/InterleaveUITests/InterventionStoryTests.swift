import InterleaveTrace
import InterleaveUI
import Testing

/// The story after an intervention says only what the trace shows.
struct InterventionStoryTests {
    /// A task the target woke goes on, unless it then failed or was cancelled: that is said
    /// instead (a gather's children woken by its cancelled parent, then cancelled themselves).
    @Test func aWokenTaskThatIsThenCancelledIsNotSaidToGoOn() throws {
        let script = Script(demoName: "story", title: "story", fileID: "story.py", source: "pass\n")
        let main = script.task("main")
        let worker = script.task("worker", parent: main)
        let reader = script.task("reader", parent: main)
        script.join(worker, main)
        script.join(reader, main)
        script.event(.faultInjected, main, arg: Int64(FaultKind.cancel.rawValue))
        script.event(.taskCancelled, main)
        script.wake(worker, by: main)
        script.wake(reader, by: main)
        script.resume(worker)
        script.event(.taskCancelled, worker)
        script.resume(reader)
        script.finish(reader)
        var world = WorldState()
        for event in script.store.events.snapshot() { world.reduce(event) }
        let story = try #require(InterventionStory(store: script.store, world: world))
        #expect(story.text.hasPrefix("You cancelled main at 0.000s: main was cancelled"))
        #expect(story.text.contains("reader, awaiting main, went on"))
        #expect(story.text.contains("worker was cancelled in turn"))
        #expect(!story.text.contains("worker, awaiting main"), "\(story.text)")
    }
}
