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

    /// Lines a semaphore's holders may take: enough for a few permits by name in a narrow pane,
    /// not so many that a big pool pushes the other resources away.
    static let holderLineLimit = 3

    /// "3 holding: download1, download2, download3" under a semaphore in use, continued on up
    /// to `holderLineLimit` lines when the pane is narrow, then "+N".
    func holderRows(_ id: ResourceID, columns: Columns) -> [Row] {
        let (tasks, unnamed) = semaphoreHolders(id)
        guard !tasks.isEmpty else { return [] }
        let indent = String(repeating: " ", count: columns.kind + 1)
        let label = "\(tasks.count + unnamed) holding: "
        let room = max(1, columns.total - indent.count - label.count)
        let continuation = indent + String(repeating: " ", count: label.count)
        var rows: [Row] = []
        var rest = tasks[...]
        while !rest.isEmpty {
            let lastLine = rows.count == Self.holderLineLimit - 1
            // Greedy: as many names as fit on this line; the last line takes the rest as "+N".
            var take = 0, width = 0
            for task in rest {
                let needed = context.store.taskName(task).unicodeScalars.count + (take == 0 ? 0 : 2)
                guard take == 0 || width + needed <= room else { break }
                width += needed
                take += 1
            }
            if lastLine || take == rest.count { take = rest.count }
            var list = names(Array(rest.prefix(take)), room: room - (unnamed > 0 && take == rest.count ? 4 : 0))
            rest = rest.dropFirst(take)
            if rest.isEmpty, unnamed > 0 { list += " +\(unnamed)" }
            rows.append(rows.isEmpty
                ? [Segment(indent, .dim), Segment(label, .lockHeld), Segment(list, .lockHeld)]
                : [Segment(continuation, .dim), Segment(list, .lockHeld)])
        }
        return rows
    }
}
