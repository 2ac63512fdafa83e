import InterleaveTrace

/// Writes synthetic traces for tests, in the vocabulary of the runtime: resume, sleep, wait,
/// wake, acquire, put, print. Times are in seconds; each call may name the source line.
final class Script {
    let store: TraceStore
    let recorder: TraceRecorder
    let fileID: String
    /// Virtual time for the next events, in nanoseconds.
    var now: Int64 = 0
    /// Event counts at named moments, for `cursor(at:)`.
    private(set) var marks: [String: Int] = [:]

    init(demoName: String, title: String, fileID: String, source: String) {
        store = TraceStore(header: TraceHeader(demoName: demoName, title: title, seed: 7))
        recorder = TraceRecorder(store: store)
        self.fileID = fileID
        store.addSource(SourceFile(fileID: fileID, text: source))
    }

    func at(_ seconds: Double) { now = Int64(seconds * 1_000_000_000) }
    func mark(_ name: String) { marks[name] = store.events.count }

    private func loc(_ line: Int?) -> LocationID {
        line.map { recorder.location(fileID: fileID, line: $0) } ?? .unknown
    }

    @discardableResult
    func task(_ name: String, parent: TaskID = .none, line: Int? = nil) -> TaskID {
        recorder.createTask(name: name, parent: parent, at: now, location: loc(line))
    }

    @discardableResult
    func resource(_ name: String, _ kind: ResourceKind, capacity: Int64 = 0, by task: TaskID, line: Int? = nil) -> ResourceID {
        recorder.createResource(name: name, kind: kind, capacity: capacity, by: task, at: now, location: loc(line))
    }

    func event(_ kind: EventKind, _ task: TaskID, _ resource: ResourceID = .none, arg: Int64 = 0, line: Int? = nil) {
        recorder.record(kind, task: task, resource: resource, arg: arg, at: now, location: loc(line))
    }

    func resume(_ t: TaskID, line: Int? = nil) { event(.taskResumed, t, line: line) }
    func sleep(_ t: TaskID, until seconds: Double, line: Int? = nil) {
        event(.taskSleeping, t, arg: Int64(seconds * 1_000_000_000), line: line)
    }
    func wait(_ t: TaskID, on r: ResourceID, _ reason: WaitReason, line: Int? = nil) {
        event(.taskWaiting, t, r, arg: TraceEvent.waitArg(reason), line: line)
    }
    func join(_ t: TaskID, _ other: TaskID, line: Int? = nil) {
        event(.taskWaiting, t, arg: TraceEvent.waitArg(.join, awaiting: other), line: line)
    }
    func wake(_ t: TaskID, by waker: TaskID = .none, via r: ResourceID = .none) {
        event(.taskWoken, t, r, arg: Int64(waker.rawValue))
    }
    func finish(_ t: TaskID, line: Int? = nil) { event(.taskReturned, t, line: line) }
    func fail(_ t: TaskID, _ error: String, line: Int? = nil) {
        event(.taskFailed, t, arg: Int64(recorder.intern(error).rawValue), line: line)
    }
    func say(_ t: TaskID, _ text: String, line: Int? = nil) {
        event(.output, t, arg: Int64(recorder.intern(text).rawValue), line: line)
    }
    func caption(_ text: String) { event(.caption, .none, arg: Int64(recorder.intern(text).rawValue)) }

    /// A copy of the trace that ends at `mark`, as a live run that has only got that far.
    func truncated(at mark: String) -> TraceStore {
        let copy = TraceStore(header: store.header)
        copy.sources = store.sources
        for task in store.tasks.snapshot() { copy.tasks.append(task) }
        for resource in store.resources.snapshot() { copy.resources.append(resource) }
        for string in store.strings.snapshot() { copy.strings.append(string) }
        for location in store.locations.snapshot().dropFirst() { copy.locations.append(location) }
        let recorder = TraceRecorder(store: copy)
        for event in store.events.snapshot().prefix(marks[mark]!) { recorder.appendEvent(event) }
        return copy
    }

    /// A cursor positioned at a mark (or at the end).
    func cursor(at mark: String? = nil) -> TraceCursor {
        let cursor = TraceCursor(store: store)
        cursor.catchUp()
        if let mark { cursor.seek(toEvent: marks[mark]!) }
        return cursor
    }
}
