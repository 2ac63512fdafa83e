import DequeModule

/// A job waiting to run, and whether it must run isolated to the loop's actor face.
struct ReadyJob {
    let job: UnownedJob
    let isolated: Bool
}

/// The jobs ready to run, picked FIFO or by a seeded random choice. Loop thread only.
struct ReadyQueue {
    private var jobs = Deque<ReadyJob>()
    private var generator: SeededGenerator?

    init(policy: SchedulePolicy) {
        if case .random(let seed) = policy { generator = SeededGenerator(seed: seed) }
    }

    var isEmpty: Bool { jobs.isEmpty }
    var count: Int { jobs.count }

    /// Whether a job with `address` (a task's, see `JobIdentity`) waits to run. A scan: not for
    /// the hot path.
    func contains(jobAt address: UInt) -> Bool {
        jobs.contains { JobIdentity.address(of: $0.job) == address }
    }

    @inline(__always)
    mutating func push(_ job: ReadyJob) { jobs.append(job) }

    @inline(__always)
    mutating func pop() -> ReadyJob? {
        guard !jobs.isEmpty else { return nil }
        guard var generator, jobs.count > 1 else { return jobs.removeFirst() }
        let pick = Int(generator.next() % UInt64(jobs.count))
        self.generator = generator
        jobs.swapAt(0, pick)
        return jobs.removeFirst()
    }
}
