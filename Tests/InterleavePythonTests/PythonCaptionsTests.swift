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
