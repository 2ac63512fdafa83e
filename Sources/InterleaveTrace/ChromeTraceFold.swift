/// The fold behind `ChromeTraceExporter`: applies the trace's events in order to a world
/// state, as the TUI does, and writes each task's state slices, the resource tracks, flows and
/// instants as the world changes.
struct ChromeTraceFold {
    private let store: TraceStore
    private var writer: ChromeEventWriter
    private var world = WorldState()
    /// By task index: the task's track in process 1 (thread id index + 1; 0 is the loop's).
    private var taskTracks: [ChromeTrack]
    /// By resource index: the resource's track in process 2 (thread id index + 1).
    private var resourceTracks: [ChromeTrack]
    /// By task index: the async slice of its current wait on a resource.
    private var waits: [Int: (id: Int, resource: Int, name: String, start: Int64)] = [:]
    private var nextID = 0
    /// Edges of the deadlock being reported (consecutive `deadlock` events), and its time.
    private var deadlockEdges: [String] = []
    private var deadlockTime: Int64 = 0
    /// The latest exported time a task's slice started or an instant was written at: the run's
    /// end is drawn after it, so that every slice still open contains what was written on it.
    private var latest: Int64 = .min

    private let tasksProcess = ChromeEventWriter.tasksProcess
    private let resourcesProcess = ChromeEventWriter.resourcesProcess

    init(store: TraceStore, writer: ChromeEventWriter) {
        self.store = store
        self.writer = writer
        taskTracks = Array(repeating: ChromeTrack(), count: store.tasks.count)
        resourceTracks = Array(repeating: ChromeTrack(), count: store.resources.count)
    }

    /// Names and orders the processes and their tracks.
    mutating func writeMetadata(labels: String) {
        writer.metadata("process_name", pid: tasksProcess, args: Self.args(["name": "interleave " + store.header.demoName]))
        writer.metadata("process_labels", pid: tasksProcess, args: Self.args(["labels": labels]))
        writer.metadata("process_sort_index", pid: tasksProcess, args: Self.sortIndex(0))
        writer.metadata("thread_name", pid: tasksProcess, tid: 0, args: Self.args(["name": "loop"]))
        writer.metadata("thread_sort_index", pid: tasksProcess, tid: 0, args: Self.sortIndex(0))
        for index in 0..<taskTracks.count {
            writer.metadata("thread_name", pid: tasksProcess, tid: index + 1, args: Self.args(["name": store.tasks[index].name]))
            writer.metadata("thread_sort_index", pid: tasksProcess, tid: index + 1, args: Self.sortIndex(index + 1))
        }
        guard !resourceTracks.isEmpty else { return }
        writer.metadata("process_name", pid: resourcesProcess, args: Self.args(["name": "resources"]))
        writer.metadata("process_sort_index", pid: resourcesProcess, args: Self.sortIndex(1))
        for index in 0..<resourceTracks.count {
            let name = store.resources[index].kindAndName
            writer.metadata("thread_name", pid: resourcesProcess, tid: index + 1, args: Self.args(["name": name]))
            writer.metadata("thread_sort_index", pid: resourcesProcess, tid: index + 1, args: Self.sortIndex(index + 1))
        }
    }

    mutating func apply(_ e: TraceEvent) {
        if e.kind != .deadlock { flushDeadlock() }
        let task = e.task.isNone || e.task.index >= taskTracks.count ? nil : e.task.index
        let waker = e.kind == .taskWoken && !e.argTask.isNone && e.argTask.index < taskTracks.count && e.argTask.index != task
            ? e.argTask.index : nil
        // The woken task's ready slice starts no earlier than the point of the waker's slice
        // the arrow leaves from, so that no arrow points back in time.
        let wokenAt = waker.map { taskTracks[$0].exportedTime(e.time) } ?? e.time
        let before = world.task(e.task)
        world.reduce(e)
        if let task, let after = world.task(e.task) {
            updateStateSlice(of: task, before: before, after: after, at: e, time: wokenAt)
            updateWait(of: task, before: before, after: after, at: e.time)
        }
        updateResourceTrack(e)
        if let waker, let task {
            nextID += 1
            writer.flow("wake", id: nextID, from: (waker + 1, wokenAt), to: (task + 1, taskTracks[task].exportedTime(e.time)))
        }
        writeInstant(e, task: task)
    }

    /// Closes everything still open at the run's end: the tasks' last states, holdings, waits.
    mutating func finish() {
        flushDeadlock()
        let end = max(world.time, latest.addingReportingOverflow(ChromeTrack.minimumWidth).partialValue)
        for (task, wait) in waits.sorted(by: { $0.key < $1.key }) { endWait(of: task, wait, at: end) }
        waits = [:]
        for index in resourceTracks.indices {
            if let slice = resourceTracks[index].close(at: end) { writer.slice(slice, pid: resourcesProcess, tid: index + 1) }
        }
        for index in taskTracks.indices {
            if let slice = taskTracks[index].close(at: end) { writer.slice(slice, pid: tasksProcess, tid: index + 1) }
        }
    }

    // MARK: - Tracks

    /// A new slice when the task's state changes, when a new job starts, or when a wait turns
    /// to another resource; a finished task's last slice stays open to the end.
    private mutating func updateStateSlice(of task: Int, before: TaskSnapshot?, after: TaskSnapshot, at e: TraceEvent, time: Int64) {
        if before?.state.isFinished == true { return }
        let changed = before?.state != after.state || e.kind == .taskResumed
            || (after.state == .waiting && (before?.resource != after.resource || before?.reason != after.reason))
        guard changed else { return }
        if let slice = taskTracks[task].close(at: time) { writer.slice(slice, pid: tasksProcess, tid: task + 1) }
        taskTracks[task].open(ChromeStateSlice.name(of: after, in: store), args: ChromeStateSlice.args(of: after, in: store), at: time)
        latest = max(latest, taskTracks[task].exportedTime(time))
    }

    /// A task's wait on a resource as an async slice on the resource's track (waits overlap,
    /// so they cannot be one track's nested slices).
    private mutating func updateWait(of task: Int, before: TaskSnapshot?, after: TaskSnapshot, at time: Int64) {
        let was = before?.state == .waiting ? before?.resource : nil
        let now = after.state == .waiting ? after.resource : nil
        guard was != now || (now != nil && before?.waitSince != after.waitSince) else { return }
        if let open = waits.removeValue(forKey: task) { endWait(of: task, open, at: time) }
        guard let now, !now.isNone, now.index < resourceTracks.count else { return }
        nextID += 1
        let name = "\(store.tasks[task].name) waits"
        var args = JSONFields()
        args.add("task", store.tasks[task].name)
        args.add("reason", "\(after.reason)")
        writer.async("b", name, id: nextID, pid: resourcesProcess, tid: now.index + 1, ts: time, args: args)
        waits[task] = (nextID, now.index, name, time)
    }

    private mutating func endWait(of task: Int, _ wait: (id: Int, resource: Int, name: String, start: Int64), at time: Int64) {
        let end = max(time, wait.start.addingReportingOverflow(ChromeTrack.minimumWidth).partialValue)
        writer.async("e", wait.name, id: wait.id, pid: resourcesProcess, tid: wait.resource + 1, ts: end, args: JSONFields())
    }

    /// Lock holdings as slices; semaphore permits and queue items as counters.
    private mutating func updateResourceTrack(_ e: TraceEvent) {
        guard !e.resource.isNone, e.resource.index < resourceTracks.count else { return }
        let index = e.resource.index
        let resource = store.resources[index]
        switch e.kind {
        case .lockAcquired:
            if let slice = resourceTracks[index].close(at: e.time) { writer.slice(slice, pid: resourcesProcess, tid: index + 1) }
            let holder = store.taskName(e.task)
            resourceTracks[index].open("held by \(holder)", category: "holder", args: Self.args(["holder": holder]), at: e.time)
        case .lockReleased:
            if let slice = resourceTracks[index].close(at: e.time) { writer.slice(slice, pid: resourcesProcess, tid: index + 1) }
        case .resourceCreated where resource.kind == .semaphore || resource.kind == .boundedSemaphore || resource.kind == .queue:
            counter(resource, value: 0, at: e.time)
        case .semaphoreAcquired, .semaphoreReleased, .queuePut, .queueGot:
            counter(resource, value: e.arg, at: e.time)
        default:
            break
        }
    }

    private mutating func counter(_ resource: ResourceInfo, value: Int64, at time: Int64) {
        let isQueue = resource.kind == .queue
        var series = JSONFields()
        series.add(isQueue ? "items" : "in use", value)
        writer.counter(resource.kindAndName + (isQueue ? " items" : " permits in use"), pid: resourcesProcess, ts: time, series: series)
    }

    // MARK: - Instants

    private mutating func writeInstant(_ e: TraceEvent, task: Int?) {
        guard let category = ChromeInstant.category(of: e.kind) else { return }
        let name = ChromeInstant.name(of: e, in: store)
        let args = ChromeInstant.args(of: e, in: store)
        switch e.kind {
        case .caption:
            writer.instant(name, category: category, scope: "g", pid: tasksProcess, tid: 0, ts: e.time, args: args)
        case .runEnded:
            // After the last job's slice, however far zero-length jobs pushed it.
            latest = max(latest, e.time)
            writer.instant(name, category: category, scope: "g", pid: tasksProcess, tid: 0, ts: latest, args: args)
        default:
            let ts = task.map { taskTracks[$0].exportedTime(e.time) } ?? e.time
            latest = max(latest, ts)
            writer.instant(name, category: category, pid: tasksProcess, tid: task.map { $0 + 1 } ?? 0, ts: ts, args: args)
        }
        if e.kind == .deadlock {
            if deadlockEdges.isEmpty { deadlockTime = e.time }
            deadlockEdges.append(name.replacingOccurrences(of: "DEADLOCK: ", with: ""))
        }
    }

    /// One global instant for a whole deadlock, naming its cycle edge by edge.
    private mutating func flushDeadlock() {
        guard !deadlockEdges.isEmpty else { return }
        var args = JSONFields()
        args.add("edges", json: "[" + deadlockEdges.map(JSONText.quoted).joined(separator: ",") + "]")
        writer.instant("DEADLOCK: " + deadlockEdges.joined(separator: "; "), category: "deadlock", scope: "g",
                       pid: tasksProcess, tid: 0, ts: deadlockTime, args: args)
        deadlockEdges = []
    }

    private static func args(_ pairs: KeyValuePairs<String, String>) -> JSONFields {
        var fields = JSONFields()
        for (key, value) in pairs { fields.add(key, value) }
        return fields
    }

    private static func sortIndex(_ index: Int) -> JSONFields {
        var fields = JSONFields()
        fields.add("sort_index", index)
        return fields
    }
}
