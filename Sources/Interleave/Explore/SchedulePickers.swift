import DequeModule
import InterleaveTrace

/// A uniform random pick among the ready jobs.
final class RandomPicker: SchedulePicker {
    private var generator: SeededGenerator
    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    func pick(from ready: Deque<ReadyJob>) -> Int {
        Int(generator.next() % UInt64(ready.count))
    }
}

/// PCT's scheduler for one schedule: each task gets a random priority when first seen, the
/// highest-priority ready job runs, and at `depth - 1` random choice points the task about to
/// run drops below every other (priorities 1 ..< depth are kept for those drops).
///
/// Tasks are told apart by their job's address, which is the task's own (see `JobIdentity`).
/// Choice points stand in for PCT's steps: only they can change what runs.
final class PCTPicker: SchedulePicker {
    private var generator: SeededGenerator
    private var priorities: [UInt: Int] = [:]
    /// Choice numbers at which the chosen task's priority drops, and the priority it drops to.
    private var changePoints: [Int: Int] = [:]
    private var choice = 0
    private let depth: Int

    /// `expectedChoices` is how many choices a run makes (measured on the FIFO run).
    init(seed: UInt64, depth: Int, expectedChoices: Int) {
        generator = SeededGenerator(seed: seed)
        self.depth = max(1, depth)
        let span = max(1, expectedChoices)
        for drop in 1..<self.depth {
            changePoints[Int(generator.next() % UInt64(span))] = self.depth - drop
        }
    }

    func pick(from ready: Deque<ReadyJob>) -> Int {
        defer { choice += 1 }
        let best = highestPriority(in: ready)
        guard let lowered = changePoints[choice] else { return best }
        priorities[JobIdentity.address(of: ready[best].job)] = lowered
        return highestPriority(in: ready)
    }

    private func highestPriority(in ready: Deque<ReadyJob>) -> Int {
        var best = 0
        var bestPriority = Int.min
        for (index, job) in ready.enumerated() {
            let priority = priority(of: JobIdentity.address(of: job.job))
            if priority > bestPriority { (best, bestPriority) = (index, priority) }
        }
        return best
    }

    private func priority(of task: UInt) -> Int {
        if let known = priorities[task] { return known }
        // Initial priorities sit above the drop priorities (1 ..< depth) and are all distinct
        // in practice (a 2^40 range).
        let fresh = depth + Int(generator.next() >> 24)
        priorities[task] = fresh
        return fresh
    }
}

/// Depth-first enumeration of schedules with a bound on preemptions.
///
/// Each run follows `prefix`, then FIFO, and notes at every choice how many jobs were ready.
/// The next prefix changes the deepest choice that can still be raised within the bound:
/// together the runs visit every schedule with at most `bound` non-FIFO choices exactly once
/// (for a deterministic program).
final class BoundedDFSPicker: SchedulePicker {
    private let prefix: [Int]
    /// Per choice of this run: what was picked and among how many.
    private(set) var trail: [(picked: Int, ready: Int)] = []

    init(prefix: [Int]) { self.prefix = prefix }

    func pick(from ready: Deque<ReadyJob>) -> Int {
        let index = trail.count
        let picked = index < prefix.count ? min(prefix[index], ready.count - 1) : 0
        trail.append((picked, ready.count))
        return picked
    }

    /// The prefix of the next schedule to run, or nil when every one within `bound` was run;
    /// the first `frozen` choices are never changed (a search continuing a run so far).
    func nextPrefix(bound: Int, frozen: Int = 0) -> [Int]? {
        var preemptionsBefore = [Int](repeating: 0, count: trail.count + 1)
        for (index, step) in trail.enumerated() {
            preemptionsBefore[index + 1] = preemptionsBefore[index] + (step.picked == 0 ? 0 : 1)
        }
        for index in trail.indices.reversed() where index >= frozen {
            let step = trail[index]
            guard step.picked + 1 < step.ready else { continue }
            // Raising 0 to 1 adds a preemption; raising 1 to 2 does not.
            let cost = preemptionsBefore[index] + 1
            guard cost <= bound else { continue }
            return trail[..<index].map(\.picked) + [step.picked + 1]
        }
        return nil
    }
}

/// Follows `prefix` (a run so far), then lets `next` choose: how a search continues from the
/// moment a live run has reached.
final class PrefixedPicker: SchedulePicker {
    private let prefix: [Int]
    private let next: any SchedulePicker
    private var choice = 0

    init(prefix: [Int], then next: any SchedulePicker) {
        self.prefix = prefix
        self.next = next
    }

    func pick(from ready: Deque<ReadyJob>) -> Int {
        defer { choice += 1 }
        return choice < prefix.count ? prefix[choice] : next.pick(from: ready)
    }
}
