/// What kind of thing a resource is.
public enum ResourceKind: UInt8, Sendable, CaseIterable {
    case lock = 0, semaphore = 1, boundedSemaphore = 2, event = 3, condition = 4, queue = 5
    case future = 6, group = 7, io = 8, actor = 9

    /// A short lowercase label for the UI ("lock", "queue"…).
    public var label: String {
        switch self {
        case .lock: "lock"
        case .semaphore: "semaphore"
        case .boundedSemaphore: "bounded semaphore"
        case .event: "event"
        case .condition: "condition"
        case .queue: "queue"
        case .future: "future"
        case .group: "group"
        case .io: "io"
        case .actor: "actor"
        }
    }
}

/// Facts about a task that never change after it is created.
public struct TaskInfo: Sendable, Equatable {
    public var name: String
    public var parent: TaskID
    public var location: LocationID
    /// Index of the `taskCreated` event.
    public var createdAt: UInt32
    public init(name: String, parent: TaskID, location: LocationID, createdAt: UInt32) {
        self.name = name
        self.parent = parent
        self.location = location
        self.createdAt = createdAt
    }
}

/// Facts about a resource that never change after it is created.
public struct ResourceInfo: Sendable, Equatable {
    public var name: String
    public var kind: ResourceKind
    /// Permits of a semaphore, capacity of a queue (0 = unbounded), else 0.
    public var capacity: Int64
    public var location: LocationID
    public init(name: String, kind: ResourceKind, capacity: Int64, location: LocationID) {
        self.name = name
        self.kind = kind
        self.capacity = capacity
        self.location = location
    }
}

/// A place in the source: the file (`#fileID`) and line.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var fileID: String
    public var line: Int
    public init(fileID: String, line: Int) {
        self.fileID = fileID
        self.line = line
    }
    /// The file's name without its module prefix ("GatherDemo.swift").
    public var fileName: Substring { fileID.split(separator: "/").last ?? Substring(fileID) }
    public var description: String { "\(fileName):\(line)" }
}

/// Facts about the whole run: what the header and the code pane need.
public struct TraceHeader: Sendable, Equatable {
    public var demoName: String
    public var title: String
    public var seed: UInt64
    /// "fifo", "random" or "replay".
    public var schedule: String
    /// For "replay": the choices the run follows where more than one job is ready (see `Schedule`).
    public var choices: [Int] = []
    public var toolVersion: String
    public var terminalColumns: Int
    public var terminalRows: Int
    public init(
        demoName: String = "", title: String = "", seed: UInt64 = 0, schedule: String = "fifo",
        toolVersion: String = InterleaveVersion.current, terminalColumns: Int = 0, terminalRows: Int = 0
    ) {
        self.demoName = demoName
        self.title = title
        self.seed = seed
        self.schedule = schedule
        self.toolVersion = toolVersion
        self.terminalColumns = terminalColumns
        self.terminalRows = terminalRows
    }
}

/// The version of Interleave that writes traces.
public enum InterleaveVersion {
    public static let current = "0.1.0"
}

/// A source file shown in the code pane, keyed by its `#fileID`.
public struct SourceFile: Sendable, Equatable {
    public var fileID: String
    public var text: String
    public init(fileID: String, text: String) {
        self.fileID = fileID
        self.text = text
    }
}
