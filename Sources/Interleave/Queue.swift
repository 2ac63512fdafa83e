import InterleaveTrace

/// A FIFO queue between tasks, like `asyncio.Queue`: `put` waits while full, `get` while empty.
///
/// `taskDone` and `join` count unfinished items as asyncio does. A capacity of 0 is unbounded.
/// ```swift
/// let jobs = Queue<Int>("jobs", capacity: 2)
/// try await jobs.put(1)
/// let job = try await jobs.get()
/// jobs.taskDone()
/// ```
///
/// `putNowait` may be called from any thread: off the loop the item is put at the loop's next
/// turn, recorded as put from outside its tasks. The other operations trap off the loop.
// Unchecked: its state is touched only on the loop thread; `putNowait` from elsewhere hops
// onto it (`Loop.hopOntoLoop`), the rest trap (`Loop.currentRecord`).
public final class Queue<Element: Sendable>: @unchecked Sendable, WaitSource {
    let loop: Loop
    public let resource: ResourceID
    @exclusivity(unchecked) var machine: QueueStateMachine<TaskRecord>
    /// The items, oldest first; `machine` decides when one may be added or taken.
    @exclusivity(unchecked) var items = ItemRing<Element>()
    @exclusivity(unchecked) var joiners: [TaskRecord] = []

    public init(_ name: String = "queue", capacity: Int = 0, on loop: Loop? = nil,
                file: StaticString = #fileID, line: UInt = #line) {
        self.loop = Loop.forPrimitive(loop, "Queue")
        machine = QueueStateMachine(capacity: capacity)
        resource = self.loop.createResource(name, kind: .queue, capacity: Int64(max(0, capacity)), file: file, line: line)
    }

    /// Items in the queue now.
    public var count: Int { machine.count }
    public var isEmpty: Bool { machine.count == 0 }
    public var isFull: Bool { machine.isFull }

    /// Adds an item, waiting while the queue is full.
    public func put(_ item: Element, file: StaticString = #fileID, line: UInt = #line) async throws {
        let me = loop.currentRecord()
        try loop.checkInterrupt(me)
        if machine.tryPut() {
            store(item, by: me, file: file, line: line)
            return
        }
        loop.noteWait(me, on: resource, .put, file: file, line: line)
        try await loop.suspend(me, on: self) { machine.enqueuePutter(me) }
        machine.putReserved()
        store(item, by: me, file: file, line: line)
    }

    /// Appends a put's item and records the put.
    ///
    /// Not inlined, and not async: appending a generic item takes a stack slot of its type, and
    /// in an async function that slot was a task allocation on every put (75 instructions).
    @inline(never)
    private func store(_ item: Element, by me: TaskRecord, file: StaticString, line: UInt) {
        items.append(item)
        didPut(by: me, file: file, line: line)
    }

    /// Adds an item now, or throws `QueueError.full`.
    ///
    /// Off the loop it returns at once and the item is put at the loop's next turn; if the
    /// queue is full by then, the item is dropped and a lint says so (nobody is there to catch
    /// `QueueFull`; asyncio logs a failed `call_soon_threadsafe` callback).
    public func putNowait(_ item: Element, file: StaticString = #fileID, line: UInt = #line) throws {
        guard loop.isOnLoopThread else {
            loop.hopOntoLoop { loop in
                guard self.machine.tryPut() else {
                    loop.lint("putNowait from outside the loop found \(loop.store.resourceName(self.resource)) full; "
                        + "the item was dropped")
                    return
                }
                self.items.append(item)
                self.didPut(by: nil, file: file, line: line)
            }
            return
        }
        let me = loop.currentRecord()
        guard machine.tryPut() else { throw QueueError.full }
        items.append(item)
        didPut(by: me, file: file, line: line)
    }

    /// Removes and returns the oldest item, waiting while the queue is empty.
    public func get(file: StaticString = #fileID, line: UInt = #line) async throws -> Element {
        let me = loop.currentRecord()
        try loop.checkInterrupt(me)
        if machine.tryGet() {
            let item = items.removeFirst()
            didGet(by: me, file: file, line: line)
            return item
        }
        loop.noteWait(me, on: resource, .get, file: file, line: line)
        try await loop.suspend(me, on: self) { machine.enqueueGetter(me) }
        machine.getReserved()
        let item = items.removeFirst()
        didGet(by: me, file: file, line: line)
        return item
    }

    /// Removes and returns the oldest item now, or throws `QueueError.empty`.
    public func getNowait(file: StaticString = #fileID, line: UInt = #line) throws -> Element {
        let me = loop.currentRecord("Queue.getNowait")
        guard machine.tryGet() else { throw QueueError.empty }
        let item = items.removeFirst()
        didGet(by: me, file: file, line: line)
        return item
    }

    /// Marks one item taken by `get` as processed, for `join`.
    public func taskDone(file: StaticString = #fileID, line: UInt = #line) throws {
        let me = loop.currentRecord("Queue.taskDone")
        guard machine.taskDone() else { throw QueueError.taskDoneTooOften }
        loop.note(.queueTaskDone, by: me, on: resource, arg: Int64(machine.unfinished), file: file, line: line)
        if machine.unfinished == 0 {
            let woken = joiners
            joiners = []
            for task in woken { loop.wake(task, by: me.id, source: resource) }
        }
    }

    /// Waits until every item put has been marked done.
    public func join(file: StaticString = #fileID, line: UInt = #line) async throws {
        let me = loop.currentRecord()
        try loop.checkInterrupt(me)
        guard machine.unfinished > 0 else { return }
        loop.noteWait(me, on: resource, .wait, file: file, line: line)
        try await loop.suspend(me, on: self) { joiners.append(me) }
    }

    /// Records a put by `me`, or by code outside the loop's tasks (nil), and wakes a getter.
    private func didPut(by me: TaskRecord?, file: StaticString, line: UInt) {
        loop.note(.queuePut, byTaskOrOutside: me, on: resource, arg: Int64(machine.count), file: file, line: line)
        if let getter = machine.getterToWake() { loop.wake(getter, by: me?.id ?? .none, source: resource) }
    }

    private func didGet(by me: TaskRecord, file: StaticString, line: UInt) {
        loop.note(.queueGot, by: me, on: resource, arg: Int64(machine.count), file: file, line: line)
        if let putter = machine.putterToWake() { loop.wake(putter, by: me.id, source: resource) }
    }

    var traceResource: ResourceID { resource }
    func abandon(_ task: TaskRecord) {
        if !machine.remove(task) { joiners.removeAll { $0 === task } }
    }
}

/// Misuse of a queue's non-waiting operations.
public enum QueueError: Error, CustomStringConvertible, Equatable {
    case full, empty, taskDoneTooOften
    public var description: String {
        switch self {
        case .full: "QueueFull"
        case .empty: "QueueEmpty"
        case .taskDoneTooOften: "taskDone() called more times than there were items"
        }
    }
}
