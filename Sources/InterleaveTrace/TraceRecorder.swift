/// The single writer of a `TraceStore`: appends events and interns names, strings and locations.
///
/// It keeps each task's previous-event link so that readers can walk a task's history backwards.
/// Not thread-safe: exactly one thread (the loop, or a trace-file reader) may use it.
/// ```swift
/// let recorder = TraceRecorder(store: TraceStore())
/// let t = recorder.createTask(name: "task1", parent: .none, at: 0)
/// recorder.record(.taskResumed, task: t, at: 0)
/// ```
public final class TraceRecorder {
    public let store: TraceStore
    /// When false, `record` does nothing (benchmarks measure the cost of tracing this way).
    public var isEnabled: Bool {
        get { enabled }
        set { enabled = newValue }
    }
    /// The flag behind `isEnabled`. `record` is inlined into other modules, and there the
    /// `public var` this was read with an exclusivity check at run time despite its
    /// `@exclusivity(unchecked)`: three checks per queue hand-off, 5 % of it (measured). An
    /// internal `@usableFromInline` one is read unchecked.
    @exclusivity(unchecked) @usableFromInline var enabled = true
    /// Each task's latest event index (`UInt32.max` for none), in memory this recorder owns:
    /// an array here was retained, released and checked for uniqueness on every event.
    @exclusivity(unchecked) @usableFromInline var lastEventOfTask = UnsafeMutablePointer<UInt32>.allocate(capacity: 64)
    @exclusivity(unchecked) @usableFromInline var lastEventCapacity = 0
    @exclusivity(unchecked) private var locationIDs: [SourceLocation: LocationID] = [:]
    @usableFromInline let locationCache = LocationCache()
    @exclusivity(unchecked) private var stringIDs: [String: StringID] = [:]
    /// Recent long task names, one copy each (see `sharedName`).
    @exclusivity(unchecked) private var sharedNames: [String: String] = [:]

    /// `store.events`, held without reference counting (the store keeps it alive as long as
    /// this recorder lives): retaining it around every append cost a quarter of the append.
    /// `Unmanaged`, since a call through an `unowned(unsafe)` reference still retains it.
    @usableFromInline let events: Unmanaged<ChunkedLog<TraceEvent>>

    public init(store: TraceStore) {
        self.store = store
        events = Unmanaged.passUnretained(store.events)
    }

    /// Appends one event, linking it to the task's previous event. Returns its index.
    @inlinable @discardableResult
    public func record(
        _ kind: EventKind, task: TaskID = .none, resource: ResourceID = .none, arg: Int64 = 0,
        at time: Int64, location: LocationID = .unknown
    ) -> Int {
        guard enabled else { return -1 }
        return append(TraceEvent(time: time, kind: kind, task: task, resource: resource, arg: arg, location: location))
    }

    /// Appends a fully formed event (its `previousOfTask` is recomputed). Returns its index.
    @inlinable @inline(__always) @discardableResult
    func append(_ event: TraceEvent) -> Int {
        var event = event
        let t = event.task
        if !t.isNone {
            let slot = t.index
            if slot >= lastEventCapacity { growLinks(toInclude: slot) }
            // The writer's own count (no atomic load) and one unchecked access to the links:
            // this runs for every event, and the checked form cost as much as the append itself.
            let index = UInt32(truncatingIfNeeded: events._withUnsafeGuaranteedRef { $0.writerCount })
            event.previousOfTask = lastEventOfTask[slot]
            lastEventOfTask[slot] = index
        }
        return events._withUnsafeGuaranteedRef { $0.append(event) }
    }

    @usableFromInline @inline(never)
    func growLinks(toInclude slot: Int) {
        let capacity = max(slot + 1, lastEventCapacity * 2, 64)
        let grown = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        grown.initialize(from: lastEventOfTask, count: lastEventCapacity)
        (grown + lastEventCapacity).initialize(repeating: .max, count: capacity - lastEventCapacity)
        lastEventOfTask.deallocate()
        lastEventOfTask = grown
        lastEventCapacity = capacity
    }

    deinit { lastEventOfTask.deallocate() }

    /// Appends an event read from a file or built elsewhere, ignoring `isEnabled`.
    @discardableResult
    public func appendEvent(_ event: TraceEvent) -> Int { append(event) }

    /// Registers a task and records its `taskCreated` event.
    @discardableResult
    public func createTask(name: String, parent: TaskID, at time: Int64, location: LocationID = .unknown) -> TaskID {
        let id = TaskID(store.tasks.count)
        let eventIndex = UInt32(truncatingIfNeeded: store.events.count)
        store.tasks.append(TaskInfo(name: sharedName(name), parent: parent, location: location, createdAt: eventIndex))
        // Task creation is always recorded, even untraced, so that ids stay dense and names known.
        append(TraceEvent(time: time, kind: .taskCreated, task: id, arg: Int64(parent.rawValue), location: location))
        return id
    }

    /// `name`, sharing the storage of an equal name given lately. A name past 15 UTF-8 bytes
    /// lives on the heap, and a run names many tasks alike (the soak's waves: "w12 (timeout
    /// 0.050s)" a thousand times over): shared, each costs the 16 bytes of its `String`, not 64
    /// more. Shorter names are kept inside the `String` and need nothing. The table is emptied
    /// past 4,096 names, so that a run of names that never repeat does not make it grow.
    func sharedName(_ name: String) -> String {
        guard name.utf8.count > 15 else { return name }
        if let shared = sharedNames[name] { return shared }
        if sharedNames.count >= 4_096 { sharedNames.removeAll(keepingCapacity: true) }
        sharedNames[name] = name
        return name
    }

    /// Registers a resource and records its `resourceCreated` event.
    @discardableResult
    public func createResource(
        name: String, kind: ResourceKind, capacity: Int64 = 0, by task: TaskID, at time: Int64,
        location: LocationID = .unknown
    ) -> ResourceID {
        let id = ResourceID(store.resources.count)
        store.resources.append(ResourceInfo(name: name, kind: kind, capacity: capacity, location: location))
        append(TraceEvent(time: time, kind: .resourceCreated, task: task, resource: id, arg: capacity, location: location))
        return id
    }

    /// Interns a string (printed text, error, caption).
    public func intern(_ text: String) -> StringID {
        if let id = stringIDs[text] { return id }
        let id = StringID(store.strings.count)
        store.strings.append(text)
        stringIDs[text] = id
        return id
    }

    /// Interns a source location given as the compiler's `#fileID` and `#line`.
    ///
    /// A small direct-mapped cache keyed by the static string's address keeps this off the
    /// hot path's profile: the same few call sites repeat millions of times.
    @inlinable @inline(__always)
    public func location(_ fileID: StaticString, _ line: UInt) -> LocationID {
        let file = UInt(bitPattern: fileID.utf8Start)
        if let hit = locationCache.lookup(file: file, line: line) { return hit }
        return internLocation(fileID, line)
    }

    @usableFromInline
    func internLocation(_ fileID: StaticString, _ line: UInt) -> LocationID {
        let location = SourceLocation(fileID: fileID.description, line: Int(line))
        let id: LocationID
        if let existing = locationIDs[location] {
            id = existing
        } else if store.locations.count <= Int(UInt16.max) {
            id = LocationID(rawValue: UInt16(store.locations.count))
            store.locations.append(location)
            locationIDs[location] = id
        } else {
            id = .unknown
        }
        locationCache.insert(file: UInt(bitPattern: fileID.utf8Start), line: line, id)
        return id
    }

    /// Interns a location given at run time (trace-file reader).
    public func location(fileID: String, line: Int) -> LocationID {
        let location = SourceLocation(fileID: fileID, line: line)
        if let existing = locationIDs[location] { return existing }
        guard store.locations.count <= Int(UInt16.max) else { return .unknown }
        let id = LocationID(rawValue: UInt16(store.locations.count))
        store.locations.append(location)
        locationIDs[location] = id
        return id
    }
}

/// A direct-mapped cache from a call site (file string address, line) to its interned location.
///
/// A class with its slots in raw memory, held by a `let`: inlined into other modules, a stored
/// `var` or an array would cost an exclusivity check, a retain and bounds checks per lookup.
@usableFromInline
final class LocationCache {
    @usableFromInline struct Slot {
        @usableFromInline var file: UInt = 0
        @usableFromInline var line: UInt = 0
        @usableFromInline var value: LocationID = .unknown

        @inlinable init() {}
        @inlinable init(file: UInt, line: UInt, value: LocationID) {
            self.file = file
            self.line = line
            self.value = value
        }
    }

    @usableFromInline static var slotCount: Int { 256 }
    @usableFromInline let slots: UnsafeMutablePointer<Slot>

    init() {
        slots = .allocate(capacity: Self.slotCount)
        slots.initialize(repeating: Slot(), count: Self.slotCount)
    }

    deinit { slots.deallocate() }

    @inlinable static func slot(_ file: UInt, _ line: UInt) -> Int {
        Int(truncatingIfNeeded: (file >> 3 &+ line &* 31) & UInt(slotCount - 1))
    }

    @inlinable func lookup(file: UInt, line: UInt) -> LocationID? {
        let slot = slots[Self.slot(file, line)]
        return slot.file == file && slot.line == line ? slot.value : nil
    }

    @inlinable func insert(file: UInt, line: UInt, _ value: LocationID) {
        slots[Self.slot(file, line)] = Slot(file: file, line: line, value: value)
    }
}
