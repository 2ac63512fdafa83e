import Synchronization

/// A whole trace: events plus the tables they point into, shared by one writer and many readers.
///
/// The runtime (or the trace-file reader) writes through a `TraceRecorder`; the UI and exporters
/// read from any thread. Every table is an append-only `ChunkedLog`, so readers never block the
/// writer and never see a half-written entry.
/// ```swift
/// let store = TraceStore()
/// let recorder = TraceRecorder(store: store)
/// let main = recorder.createTask(name: "main", parent: .none, at: 0)
/// store.events.count   // 1
/// store.task(main).name   // "main"
/// ```
public final class TraceStore: Sendable {
    public let events = ChunkedLog<TraceEvent>()
    public let tasks = ChunkedLog<TaskInfo>()
    public let resources = ChunkedLog<ResourceInfo>()
    public let strings = ChunkedLog<String>()
    public let locations = ChunkedLog<SourceLocation>()
    private let mutable = Mutex<(header: TraceHeader, sources: [SourceFile])>((TraceHeader(), []))

    public init(header: TraceHeader = TraceHeader()) {
        mutable.withLock { $0.header = header }
        // Location 0 is "unknown" so that an all-zero event is well formed.
        locations.append(SourceLocation(fileID: "?", line: 0))
    }

    /// Empties the store for another run, keeping its memory: for one writer that records run
    /// after run untraced (`explore`), never while anything else reads the store.
    public func removeAll() {
        events.removeAll()
        tasks.removeAll()
        resources.removeAll()
        strings.removeAll()
        locations.removeAll()
        locations.append(SourceLocation(fileID: "?", line: 0))
        mutable.withLock { $0 = (TraceHeader(), []) }
    }

    public var header: TraceHeader {
        get { mutable.withLock { $0.header } }
        set { mutable.withLock { $0.header = newValue } }
    }

    /// Source files for the code pane (demo source, or the user's file).
    public var sources: [SourceFile] {
        get { mutable.withLock { $0.sources } }
        set { mutable.withLock { $0.sources = newValue } }
    }

    /// Adds a source file unless one with the same file ID is present.
    public func addSource(_ file: SourceFile) {
        mutable.withLock { state in
            if !state.sources.contains(where: { $0.fileID == file.fileID }) { state.sources.append(file) }
        }
    }

    public func task(_ id: TaskID) -> TaskInfo { tasks[id.index] }
    public func resource(_ id: ResourceID) -> ResourceInfo { resources[id.index] }
    public func string(_ id: StringID) -> String { id.index < strings.count ? strings[id.index] : "?" }
    public func location(_ id: LocationID) -> SourceLocation {
        Int(id.rawValue) < locations.count ? locations[Int(id.rawValue)] : locations[0]
    }

    /// The task's name, or "-" for `TaskID.none` and unknown ids.
    public func taskName(_ id: TaskID) -> String {
        id.isNone || id.index >= tasks.count ? "-" : tasks[id.index].name
    }

    /// The resource's name, or "-" for `ResourceID.none` and unknown ids.
    public func resourceName(_ id: ResourceID) -> String {
        id.isNone || id.index >= resources.count ? "-" : resources[id.index].name
    }

    /// Bytes held by the event table (the dominant cost of a long trace).
    public var eventBytes: Int { events.allocatedBytes }
}
