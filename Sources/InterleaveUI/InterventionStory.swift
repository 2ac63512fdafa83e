import InterleaveTrace

/// The caption for a moment after the user intervened: what they did, and what it has done so
/// far, read off the trace rather than written in advance.
///
/// A demo's own captions describe the run as written; after a fault, a cancellation or a stall
/// they may no longer be true, so the runtime stops recording them and this story takes over.
/// ```swift
/// InterventionStory(store: store, world: world)?.text
/// // "You made task2 fail at 0.500s: task2 failed; main got its error from gather(2); task1 goes on"
/// ```
public struct InterventionStory: Equatable, Sendable {
    /// What the user did and when: "You made task2 fail at 0.500s".
    public var opening: String
    /// Its effects so far, most important first.
    public var effects: [String]

    /// The whole story: the opening, then the effects.
    public var text: String { text(maxLength: .max) }

    /// The story with as many effects as fit in `maxLength` characters (the opening always).
    public func text(maxLength: Int) -> String {
        var result = opening
        for (index, effect) in effects.enumerated() {
            let next = result + (index == 0 ? ": " : "; ") + effect
            guard next.count <= maxLength else { break }
            result = next
        }
        return result
    }

    /// Events after the intervention read at most, so a long run costs a bounded scan per frame.
    static let scanLimit = 4096

    /// The story of the latest intervention in `world`, or nil when there was none.
    public init?(store: TraceStore, world: WorldState) {
        let faultIndex = world.lastIntervention
        let end = min(world.eventCount, store.events.count)
        guard faultIndex >= 0, faultIndex < end else { return nil }
        let fault = store.events[faultIndex]
        let target = fault.task
        let name = store.taskName(target)
        var opening: String
        switch FaultKind(rawValue: UInt8(truncatingIfNeeded: fault.arg)) {
        case .fail: opening = "You made \(name) fail"
        case .cancel: opening = "You cancelled \(name)"
        case .stall: opening = "You made \(name) block the loop"
        case .ioFailure: opening = "You made \(name)'s next I/O fail"
        case nil: opening = "You intervened in \(name)"
        }
        opening += " at \(formatSeconds(fault.time))"

        // Effects by importance: a caption has room for a few, and the first ones must be
        // what the intervention did to the task and to whoever awaited it.
        var effects: [(rank: Int, text: String)] = []
        func note(_ rank: Int, _ text: String) {
            if !effects.contains(where: { $0.text == text }) { effects.append((rank, text)) }
        }
        var targetEnd = ""
        // Tasks the target woke, said to have gone on unless they failed or were cancelled after.
        var wokenByTarget: [(task: TaskID, text: String)] = []
        var endedBadly: Set<TaskID> = []
        var index = faultIndex + 1
        let stop = min(end, faultIndex + 1 + Self.scanLimit)
        while index < stop {
            let e = store.events[index]
            let previous = store.events[index - 1]
            index += 1
            let who = store.taskName(e.task)
            switch e.kind {
            case .taskFailed where e.task == target:
                targetEnd = "its error"
                note(1, "\(name) failed")
            case .taskCancelled where e.task == target:
                targetEnd = "the cancellation"
                note(1, "\(name) was cancelled")
            case .loopBlockEnded where e.task == target:
                note(1, "nothing else ran for \(formatSeconds(e.arg))")
            case .taskWoken where e.argTask == target && e.task != target:
                if !e.resource.isNone, e.resource.index < store.resources.count,
                   store.resource(e.resource).kind == .group {
                    let group = store.resourceName(e.resource)
                    note(2, targetEnd.isEmpty ? "\(who) got its outcome from \(group)" : "\(group) raised \(targetEnd) in \(who)")
                } else if !(previous.task == e.task && previous.kind.handsOverResource) {
                    // Not a lock or permit handed over: a task that awaited the target.
                    wokenByTarget.append((e.task, "\(who), awaiting \(name), went on"))
                }
            case .taskFailed where e.task != target:
                endedBadly.insert(e.task)
                note(3, "\(who) failed in turn")
            case .taskCancelled where e.task != target:
                endedBadly.insert(e.task)
                note(3, "\(who) was cancelled in turn")
            case .taskCancelRequested where e.task != target:
                let by = e.argTask.isNone ? "the run" : store.taskName(e.argTask)
                note(3, "\(by) cancelled \(who)")
            case .lockReleased where e.task == target:
                note(4, "\(name) released \(store.resourceName(e.resource))")
            case .lockAcquired where e.task != target:
                note(4, "\(who) got \(store.resourceName(e.resource))")
            case .deadlock:
                note(0, "the run is stuck again")
            case .runEnded:
                note(6, "the run ended at \(formatSeconds(e.time))")
            default:
                break
            }
        }
        for woken in wokenByTarget where !endedBadly.contains(woken.task) { note(2, woken.text) }
        if Self.wasDeadlocked(store: store, before: faultIndex), !world.deadlocked {
            note(0, "the deadlock is broken")
        }
        if !world.ended {
            let running = Self.stillRunning(store: store, world: world, except: target)
            if !running.isEmpty {
                let names = running.prefix(3).joined(separator: ", ") + (running.count > 3 ? " and others" : "")
                // "Goes on", not "keeps running": most of them are waiting or asleep.
                note(5, "\(names) \(running.count == 1 ? "goes" : "go") on")
            }
        }
        // A stable sort: within a rank, the order things happened.
        let chosen = effects.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }
            .prefix(4).map(\.element.text)
        self.opening = opening
        self.effects = Array(chosen)
    }

    /// True when a deadlock was reported before `index` and no job ran between it and `index`.
    static func wasDeadlocked(store: TraceStore, before index: Int) -> Bool {
        var i = index - 1
        let stop = max(0, index - scanLimit)
        while i >= stop {
            switch store.events[i].kind {
            case .deadlock: return true
            case .taskResumed: return false
            default: i -= 1
            }
        }
        return false
    }

    /// Unfinished tasks other than `target`, in creation order (the root task left out: it is
    /// the one waiting for everyone, not work that runs on).
    static func stillRunning(store: TraceStore, world: WorldState, except target: TaskID) -> [String] {
        var names: [String] = []
        for (offset, task) in world.tasks.enumerated().dropFirst() where offset != target.index {
            if task.state == .created || task.state.isFinished { continue }
            names.append(store.taskName(TaskID(offset)))
            if names.count > 4 { break }
        }
        return names
    }
}

extension EventKind {
    /// Events that hand a lock or permit to a waiter, whose wake-up follows them.
    var handsOverResource: Bool { self == .lockAcquired || self == .semaphoreAcquired }
}
