/// A reader's position in a trace: the world state at any step, reached fast in either direction.
///
/// Moving forward folds new events into the current world. Moving back restores the nearest
/// checkpoint at or before the target and folds forward from there. Checkpoints are taken as the
/// cursor first passes through the trace, spaced so that they cost a bounded number of bytes per
/// event however many tasks the world holds.
/// ```swift
/// let cursor = TraceCursor(store: store)
/// cursor.catchUp()            // to the newest event
/// cursor.seek(toStep: 3)      // the world after three jobs
/// cursor.world.tasks.count
/// ```
public final class TraceCursor {
    public let store: TraceStore
    public private(set) var world = WorldState()
    /// The event index at which each step (job) began; `stepStarts[k]` begins step k + 1.
    public private(set) var stepStarts: [UInt32] = []
    private var checkpoints: [WorldState] = []
    /// How far checkpoints and `stepStarts` have been built (the furthest event folded).
    public private(set) var indexedCount = 0
    /// The smallest spacing between checkpoints, in events.
    public let minimumSpacing: Int

    public init(store: TraceStore, minimumSpacing: Int = 8192) {
        self.store = store
        self.minimumSpacing = minimumSpacing
        checkpoints.append(WorldState())
    }

    /// Steps known so far (jobs recorded in the trace).
    public var totalSteps: Int { stepStarts.count }

    /// Folds every newly published event; returns true if the world changed.
    @discardableResult
    public func catchUp() -> Bool { advance(toEvent: store.events.count) }

    /// Folds events until `world.eventCount == target` (moving back if needed).
    @discardableResult
    public func seek(toEvent target: Int) -> Bool {
        let target = max(0, min(target, store.events.count))
        if target < world.eventCount {
            restoreCheckpoint(atOrBefore: target)
        }
        return advance(toEvent: target)
    }

    /// Moves to the state after `step` jobs: every event before step `step + 1` began.
    @discardableResult
    public func seek(toStep step: Int) -> Bool {
        indexAll()
        let step = max(0, step)
        let end = step < stepStarts.count ? Int(stepStarts[step]) : store.events.count
        return seek(toEvent: end)
    }

    /// Builds the step index and checkpoints for every published event, or for the first
    /// `limit` events (without moving).
    public func indexAll(upTo limit: Int? = nil) {
        let target = min(limit ?? .max, store.events.count)
        guard indexedCount < target else { return }
        let saved = world
        if world.eventCount < indexedCount { restoreCheckpoint(atOrBefore: indexedCount) }
        advance(toEvent: target)
        world = saved
    }

    private func restoreCheckpoint(atOrBefore target: Int) {
        var lo = 0, hi = checkpoints.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if checkpoints[mid].eventCount <= target { lo = mid } else { hi = mid - 1 }
        }
        world = checkpoints[lo]
    }

    @discardableResult
    private func advance(toEvent target: Int) -> Bool {
        guard world.eventCount < target else { return false }
        let spacing = max(minimumSpacing, 32 * (world.tasks.count + world.resources.count))
        store.events.withRuns(in: world.eventCount..<target) { run, start in
            for (offset, event) in run.enumerated() {
                let index = start + offset
                if index >= indexedCount {
                    if event.kind == .taskResumed { stepStarts.append(UInt32(truncatingIfNeeded: index)) }
                    if index - checkpoints[checkpoints.count - 1].eventCount >= spacing {
                        checkpoints.append(world)
                    }
                    indexedCount = index + 1
                }
                world.reduce(event)
            }
        }
        return true
    }

    /// Bytes held by checkpoints and the step index.
    public var indexBytes: Int {
        let perCheckpoint = checkpoints.last.map {
            MemoryLayout<WorldState>.size + $0.tasks.count * MemoryLayout<TaskSnapshot>.stride
                + $0.resources.count * MemoryLayout<ResourceSnapshot>.stride
        } ?? 0
        return checkpoints.count * perCheckpoint + stepStarts.capacity * 4
    }
}
