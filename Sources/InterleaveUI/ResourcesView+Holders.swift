import InterleaveTrace

extension ResourcesView {
    /// Events read back at most when looking for a semaphore's holders: a permit taken longer
    /// ago than this shows as "+N" rather than by name, so that a frame stays cheap on long runs.
    static let holderScanLimit = 20_000

    /// The tasks holding a semaphore's permits right now, longest holder first, and how many
    /// permits in use the scan could not put a name to.
    ///
    /// The world keeps only the count in use (it is copied for every checkpoint), so the names
    /// come from the trace: reading back from the resource's latest event, a task whose latest
    /// acquire or release of this semaphore is an acquire holds a permit. A task takes one
    /// permit at a time here (as `withPermit` does); a permit released by another task than the
    /// one that took it counts against the releaser.
    func semaphoreHolders(_ id: ResourceID) -> (tasks: [TaskID], unnamed: Int) {
        let snapshot = context.world.resources[id.index]
        let inUse = Int(clamping: max(0, snapshot.value))
        guard inUse > 0, snapshot.lastEvent != .max else { return ([], 0) }
        var holders: [TaskID] = []
        var seen = Set<TaskID>()
        var index = min(Int(snapshot.lastEvent), context.world.eventCount - 1)
        let stop = max(0, index - Self.holderScanLimit)
        while index >= stop, holders.count < inUse {
            let event = context.store.events[index]
            if event.resource == id, event.kind == .semaphoreAcquired || event.kind == .semaphoreReleased,
               seen.insert(event.task).inserted, event.kind == .semaphoreAcquired,
               event.task.index < context.world.tasks.count {
                holders.append(event.task)
            }
            index -= 1
        }
        return (holders.reversed(), inUse - holders.count)
    }

    /// "3 holding: download1, download2, download3" under a semaphore in use.
    func holderRow(_ id: ResourceID, columns: Columns) -> Row? {
        let (tasks, unnamed) = semaphoreHolders(id)
        guard !tasks.isEmpty else { return nil }
        let indent = String(repeating: " ", count: columns.kind + 1)
        let label = "\(tasks.count + unnamed) holding: "
        let room = columns.total - indent.count - label.count
        var list = names(tasks, room: room - (unnamed > 0 ? 4 : 0))
        if unnamed > 0 { list += " +\(unnamed)" }
        return [(indent, .dim), (label, .lockHeld), (list, .lockHeld)]
    }
}
