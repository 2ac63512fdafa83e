import InterleaveTrace

/// The loop's unfinished tasks in creation order, linked through their records.
///
/// Adding and removing a task is a few stores. A dictionary by id cost a hash and a probe for
/// each, and its growth: 270 instructions a task more in spawn_gather. A table with a slot per
/// task ever made kept 8 bytes a task for the whole run. Finding a task by id is a walk, for
/// what a user asks (a fault); the per-step lookup of the Python adapter has its own table
/// (`Loop.foreignTasks`). Loop thread only, like the records.
/// ```swift
/// let live = LiveTaskList()
/// live.append(record)          // record.isLive
/// live.all                     // oldest first
/// live.remove(record)
/// ```
final class LiveTaskList {
    // The list holds each of its records with one retain, taken on `append` and given back on
    // `remove`. The links count nothing, and are followed through `_withUnsafeGuaranteedRef`:
    // links that retained, or a strong `let` bound to an `unowned(unsafe)` one, cost more
    // retains and releases (two to four a call) than the dictionary's hashing did.
    private var first: Unmanaged<TaskRecord>?
    private var last: Unmanaged<TaskRecord>?
    private(set) var count = 0

    func append(_ record: TaskRecord) {
        precondition(!record.isLive, "task \(record.name) was added to the live tasks twice")
        let link = Unmanaged.passRetained(record)
        record.isLive = true
        record.liveBefore = last
        record.liveAfter = nil
        if let last { last._withUnsafeGuaranteedRef { $0.liveAfter = link } } else { first = link }
        last = link
        count += 1
    }

    /// Takes `record` out; nothing happens if it is not in.
    func remove(_ record: TaskRecord) {
        guard record.isLive else { return }
        record.isLive = false
        let before = record.liveBefore, after = record.liveAfter
        if let before { before._withUnsafeGuaranteedRef { $0.liveAfter = after } } else { first = after }
        if let after { after._withUnsafeGuaranteedRef { $0.liveBefore = before } } else { last = before }
        count -= 1
        Unmanaged.passUnretained(record).release()
    }

    /// Every task in the list, oldest first.
    var all: [TaskRecord] {
        var records: [TaskRecord] = []
        records.reserveCapacity(count)
        var next = first
        while let link = next {
            let record = link.takeUnretainedValue()
            records.append(record)
            next = record.liveAfter
        }
        return records
    }

    /// The oldest task in the list for which `predicate` holds.
    func first(where predicate: (TaskRecord) -> Bool) -> TaskRecord? {
        var next = first
        while let link = next {
            let record = link.takeUnretainedValue()
            if predicate(record) { return record }
            next = record.liveAfter
        }
        return nil
    }

    deinit {
        var next = first
        while let link = next {
            next = link._withUnsafeGuaranteedRef { record in
                record.isLive = false
                return record.liveAfter
            }
            link.release()
        }
    }
}
