import InterleaveTrace

/// A flag tasks can wait for, like `asyncio.Event`: `set` wakes every waiter at once.
///
/// ```swift
/// let ready = Event("ready")
/// spawn("worker2") { try await ready.wait(); print("Worker 2 finishing") }
/// ready.set()
/// ```
///
/// `set` and `clear` may be called from any thread: off the loop they take effect at its next
/// turn, recorded as done from outside its tasks (like asyncio's `call_soon_threadsafe(event.set)`).
// Unchecked: its state is touched only on the loop thread; calls from elsewhere hop onto it
// (`Loop.hopOntoLoop`) or trap (`Loop.currentRecord`).
public final class Event: @unchecked Sendable, WaitSource {
    let loop: Loop
    public let resource: ResourceID
    @exclusivity(unchecked) public private(set) var isSet = false
    @exclusivity(unchecked) var waiters: [TaskRecord] = []

    public init(_ name: String = "event", on loop: Loop? = nil, file: StaticString = #fileID, line: UInt = #line) {
        self.loop = Loop.forPrimitive(loop, "Event")
        resource = self.loop.createResource(name, kind: .event, file: file, line: line)
    }

    /// Returns at once if the event is set, else waits until it is.
    public func wait(file: StaticString = #fileID, line: UInt = #line) async throws {
        let me = loop.currentRecord()
        try loop.checkInterrupt(me)
        if isSet { return }
        loop.noteWait(me, on: resource, .wait, file: file, line: line)
        try await loop.suspend(me, on: self) { waiters.append(me) }
    }

    /// Sets the flag and wakes every waiter, in the order they began to wait.
    public func set(file: StaticString = #fileID, line: UInt = #line) {
        guard loop.isOnLoopThread else {
            loop.hopOntoLoop { _ in self.set(file: file, line: line) }
            return
        }
        let me = loop.runningTask
        guard !isSet else { return }
        isSet = true
        loop.note(.eventSet, byTaskOrOutside: me, on: resource, arg: 1, file: file, line: line)
        let woken = waiters
        waiters = []
        for task in woken { loop.wake(task, by: me?.id ?? .none, source: resource) }
    }

    /// Clears the flag; later waiters wait again.
    public func clear(file: StaticString = #fileID, line: UInt = #line) {
        guard loop.isOnLoopThread else {
            loop.hopOntoLoop { _ in self.clear(file: file, line: line) }
            return
        }
        guard isSet else { return }
        isSet = false
        loop.note(.eventCleared, byTaskOrOutside: loop.runningTask, on: resource, arg: 0, file: file, line: line)
    }

    var traceResource: ResourceID { resource }
    func abandon(_ task: TaskRecord) { waiters.removeAll { $0 === task } }
}
