import InterleaveTrace
import InterleaveUI
import Testing

/// The resources pane says each thing once and words each waiter by what it waits for.
@Suite struct ResourceWordingTests {
    @Test func aQueuesJoinerIsNoGetter() {
        let s = Script(demoName: "queue", title: "", fileID: "Demos/Queue.swift", source: "")
        let main = s.task("main")
        let consumer = s.task("consumer", parent: main)
        let jobs = s.resource("jobs", .queue, capacity: 2, by: main)
        s.event(.queuePut, main, jobs, arg: 1)
        s.wait(main, on: jobs, .wait)
        s.event(.queueGot, consumer, jobs, arg: 0)
        s.wait(consumer, on: jobs, .get)
        let text = ViewTests.draw(s.store, s.cursor().world, width: 44, height: 6) {
            ResourcesView(context: $0).draw(in: $1, into: &$2)
        }.text()
        #expect(text.contains("1 getter: consumer"))
        #expect(text.contains("1 awaiting all done: main"))
        #expect(!text.contains("getter: main"))
    }

    @Test func aNameThatSaysItsKindIsNotPrecededByIt() {
        let s = Script(demoName: "lock", title: "", fileID: "Demos/Lock.swift", source: "")
        let main = s.task("main")
        let lock = s.resource("lock", .lock, by: main)
        _ = s.resource("event", .event, by: main)
        _ = s.resource("db", .lock, by: main)
        s.event(.lockAcquired, main, lock, arg: Int64(main.rawValue))
        let text = ViewTests.draw(s.store, s.cursor().world, width: 44, height: 6) {
            ResourcesView(context: $0).draw(in: $1, into: &$2)
        }.text()
        #expect(!text.contains("lock  lock") && !text.contains("event event"))
        #expect(text.contains("lock  db"))
    }
}
