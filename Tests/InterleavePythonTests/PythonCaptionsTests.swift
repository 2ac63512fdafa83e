@testable import InterleavePython
import Testing

/// Captions made from a Python program's events: the first contended wait per resource, a
/// failure, and always the program's end (so no caption outlives what it said).
struct PythonCaptionsTests {
    @Test func aContendedWaitIsExplainedOncePerResource() {
        var captions = PythonCaptions()
        let first = captions.wait(of: "worker", id: 2, op: "acquire", on: 1, named: "Lock", holder: "main")
        #expect(first == "worker waits: Lock is held by main, and only one task may hold it")
        #expect(captions.wait(of: "other", id: 3, op: "acquire", on: 1, named: "Lock", holder: "main") == nil)
        #expect(captions.wait(of: "reader", id: 4, op: "get", on: 2, named: "Queue", holder: nil) == "reader waits for an item: Queue is empty")
        #expect(captions.wait(of: "task", id: 5, op: "suspended", on: nil, named: nil, holder: nil) == nil)
    }

    /// The explained wait's end is said too: the caption must not go on saying a task waits
    /// once it has gone on.
    @Test func theEndOfAnExplainedWaitIsSaid() {
        var captions = PythonCaptions()
        // Two tasks of one name, as in the lock lesson: the wait ends when the waiter itself gets
        // the lock, not when another task of its name takes it again.
        _ = captions.wait(of: "worker", id: 2, op: "acquire", on: 1, named: "Lock", holder: "worker")
        #expect(captions.operation("acquired", by: 1, named: "worker", on: 1, named: "Lock") == nil)
        #expect(captions.operation("acquired", by: 2, named: "worker", on: 1, named: "Lock") == "worker got Lock once worker released it")
        #expect(captions.operation("acquired", by: 2, named: "worker", on: 1, named: "Lock") == nil, "said once")
        _ = captions.wait(of: "waiter", id: 3, op: "wait", on: 2, named: "Event", holder: nil)
        #expect(captions.operation("set", by: 4, named: "setter", on: 2, named: "Event") == "setter set Event: waiter goes on")
        _ = captions.wait(of: "reader", id: 5, op: "get", on: 3, named: "Queue", holder: nil)
        #expect(captions.operation("put", by: 6, named: "writer", on: 3, named: "Queue") == nil)
        #expect(captions.operation("got", by: 5, named: "reader", on: 3, named: "Queue") == "reader got an item from Queue")
        #expect(captions.operation("got", by: 5, named: "reader", on: 4, named: "Other") == nil, "no wait explained there")
    }

    @Test func everyEndIsSaid() {
        let captions = PythonCaptions()
        #expect(captions.exit(status: 0, error: nil, ranALoop: true) == "The program ended normally (exit status 0)")
        #expect(captions.exit(status: 0, error: nil, ranALoop: false)?.contains("never started an event loop") == true)
        #expect(captions.exit(status: 1, error: "ValueError: bad", ranALoop: true) == "The program stopped with ValueError: bad")
        #expect(captions.exit(status: 3, error: nil, ranALoop: true) == "The program exited with status 3")
        #expect(captions.exit(status: 1, error: "RuntimeError: no running event loop", ranALoop: false)?
            .contains("asyncio.create_task needs a running loop") == true)
    }
}
