@testable import InterleavePython
import Testing

/// Captions made from a Python program's events: the first contended wait per resource, a
/// failure, and always the program's end (so no caption outlives what it said).
struct PythonCaptionsTests {
    @Test func aContendedWaitIsExplainedOncePerResource() {
        var captions = PythonCaptions()
        let first = captions.wait(of: "worker", op: "acquire", on: 1, named: "Lock", holder: "main")
        #expect(first == "worker waits: Lock is held by main, and only one task may hold it")
        #expect(captions.wait(of: "other", op: "acquire", on: 1, named: "Lock", holder: "main") == nil)
        #expect(captions.wait(of: "reader", op: "get", on: 2, named: "Queue", holder: nil) == "reader waits for an item: Queue is empty")
        #expect(captions.wait(of: "task", op: "suspended", on: nil, named: nil, holder: nil) == nil)
    }

    /// The explained wait's end is said too: the caption must not go on saying a task waits
    /// once it has gone on.
    @Test func theEndOfAnExplainedWaitIsSaid() {
        var captions = PythonCaptions()
        _ = captions.wait(of: "worker", op: "acquire", on: 1, named: "Lock", holder: "main")
        #expect(captions.operation("acquired", by: "main", on: 1, named: "Lock") == nil, "main taking it again is not the end")
        #expect(captions.operation("acquired", by: "worker", on: 1, named: "Lock") == "worker got Lock once main released it")
        #expect(captions.operation("acquired", by: "worker", on: 1, named: "Lock") == nil, "said once")
        _ = captions.wait(of: "waiter", op: "wait", on: 2, named: "Event", holder: nil)
        #expect(captions.operation("set", by: "setter", on: 2, named: "Event") == "setter set Event: waiter goes on")
        _ = captions.wait(of: "reader", op: "get", on: 3, named: "Queue", holder: nil)
        #expect(captions.operation("put", by: "writer", on: 3, named: "Queue") == nil)
        #expect(captions.operation("got", by: "reader", on: 3, named: "Queue") == "reader got an item from Queue")
        #expect(captions.operation("got", by: "reader", on: 4, named: "Other") == nil, "no wait explained there")
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
