import Testing
@testable import Interleave

/// A mixed workload (event, lock, semaphore, bounded queue, gather, timeouts) run under random
/// schedules with random injected faults; whatever happens, the invariants hold.
enum MixedWorkload {
    static let workers = 4, producers = 2, consumers = 2, itemsPerProducer = 6
    static let permits = 2, queueCapacity = 2

    /// What the tasks observed while running; touched only on the loop thread.
    final class Ledger: @unchecked Sendable {
        let inLock = Occupancy()
        let inSemaphore = Occupancy()
        var put: [Int] = []
        var got: [Int] = []
        var maxQueued = 0
    }

    struct Run {
        let loop: Loop
        let ledger: Ledger
        let queue: Queue<Int>
        let lock: Lock
        let semaphore: Semaphore
    }

    /// One injected fault: when, into which task, what.
    struct Injection: CustomStringConvertible {
        var at: Duration
        var task: TaskID
        var fault: Fault
        var description: String { "\(fault) into \(task) at \(at)" }
    }

    /// 0–4 faults at random instants into the workload's tasks (never into main, so that the
    /// run has someone to wind it down); the choice depends on the seed alone.
    static func injections(seed: UInt64) -> [Injection] {
        var rng = SeededGenerator(seed: seed ^ 0xFA17)
        let count = Int.random(in: 0...4, using: &rng)
        let taskCount = workers + producers + consumers
        return (0..<count).map { _ in
            let at = Duration.milliseconds(Int.random(in: 0..<4000, using: &rng))
            let task = TaskID(Int.random(in: 1...taskCount, using: &rng))
            let fault: Fault = switch Int.random(in: 0..<10, using: &rng) {
            case 0..<4: .fail
            case 4..<7: .cancel
            case 7..<9: .stall(.milliseconds(Int.random(in: 50...300, using: &rng)))
            default: .ioFailure
            }
            return Injection(at: at, task: task, fault: fault)
        }.sorted { $0.at < $1.at }
    }

    /// Builds the workload on a loop with `policy`, injects `faults` at their instants and
    /// runs it to the end.
    static func run(policy: SchedulePolicy, seed: UInt64, faults: [Injection]) -> Run {
        let loop = Loop(policy: policy)
        let ledger = Ledger()
        let lock = Lock("L", on: loop)
        let semaphore = Semaphore("S", permits: permits, bounded: true, on: loop)
        let queue = Queue<Int>("Q", capacity: queueCapacity, on: loop)
        let go = Event("go", on: loop)
        var rng = SeededGenerator(seed: seed)
        let pauses = (0..<64).map { _ in Duration.milliseconds(Int.random(in: 0...120, using: &rng)) }
        @Sendable func pause(_ i: Int) -> Duration { pauses[i % pauses.count] }

        loop.spawn("main") {
            // Ids 1…4 workers, 5…6 producers, 7…8 consumers (faults target these).
            let workerTasks = (0..<workers).map { w in
                spawn("worker\(w)") { () async throws -> Int in
                    try await go.wait()
                    for round in 0..<3 {
                        try await lock.withLock {
                            ledger.inLock.enter()
                            defer { ledger.inLock.leave() }
                            try await sleep(for: pause(w * 7 + round))
                        }
                        try await semaphore.withPermit {
                            ledger.inSemaphore.enter()
                            defer { ledger.inSemaphore.leave() }
                            try await sleep(for: pause(w * 11 + round))
                        }
                    }
                    return w
                }
            }
            let producerTasks = (0..<producers).map { p in
                spawn("producer\(p)") { () async throws -> Int in
                    for k in 0..<itemsPerProducer {
                        try await queue.put(p * 100 + k)
                        ledger.put.append(p * 100 + k)
                        ledger.maxQueued = max(ledger.maxQueued, queue.count)
                        try await sleep(for: pause(p * 13 + k))
                    }
                    return p
                }
            }
            let consumerTasks = (0..<consumers).map { c in
                spawn("consumer\(c)") { () async throws -> Int in
                    while true {
                        let item = try await queue.get()
                        ledger.got.append(item)
                        try await sleep(for: pause(c * 17 + item))
                        try queue.taskDone()
                    }
                }
            }
            // A plain gather: the first producer to fail cancels the other.
            let supervisor = spawn("producers") { try await gather(producerTasks) }
            try await sleep(for: .milliseconds(500))
            go.set()
            _ = try await gather(workerTasks, returnExceptions: true)
            _ = try? await supervisor.value
            _ = try? await withTimeout(.seconds(5), name: "join") { try await queue.join() }
            for consumer in consumerTasks { consumer.cancel() }
            _ = try await gather(consumerTasks, returnExceptions: true)
        }
        for injection in faults {
            loop.run(until: injection.at)
            loop.inject(injection.fault, into: injection.task)
        }
        loop.runUntilIdle()
        return Run(loop: loop, ledger: ledger, queue: queue, lock: lock, semaphore: semaphore)
    }
}

@Suite struct PropertyTests {
    static let seeds = Array(UInt64(1)...240)

    @Test(arguments: seeds)
    func invariantsHoldUnderRandomSchedulesAndFaults(seed: UInt64) throws {
        let faults = MixedWorkload.injections(seed: seed)
        let run = MixedWorkload.run(policy: .random(seed: seed), seed: seed, faults: faults)
        let ledger = run.ledger
        let context = Comment(rawValue: "seed \(seed), faults \(faults)")

        // The run completed and recorded its end.
        #expect(run.loop.isFinished, context)
        let world = Transcript.fold(run.loop.store)
        #expect(world.ended, context)

        // Mutual exclusion and bounded permits, as the tasks saw them and as the trace shows them.
        #expect(ledger.inLock.maximum <= 1, context)
        #expect(ledger.inSemaphore.maximum <= MixedWorkload.permits, context)
        #expect(ledger.maxQueued <= MixedWorkload.queueCapacity, context)
        #expect(TraceAudit.resourceViolations(run.loop.store) == [], context)

        // No queue item lost or duplicated: what was put was got, or is still queued.
        let remaining = run.queue.items.elements
        #expect((ledger.got + remaining).sorted() == ledger.put.sorted(), context)
        #expect(Set(ledger.got).count == ledger.got.count, context)
        for p in 0..<MixedWorkload.producers {
            let mine = (ledger.got + remaining).filter { $0 / 100 == p }
            #expect(mine == mine.sorted(), "FIFO per producer; \(context)")
        }

        // Every task ends, or the run reports a deadlock; none is adopted as untracked (yields
        // once were, see ClockAndYieldTests.yieldCreatesNoUntrackedTask).
        let unfinished = world.tasks.indices.filter { !world.tasks[$0].state.isFinished }
            .map { run.loop.store.taskName(TaskID($0)) }
        #expect(!run.loop.store.tasks.snapshot().contains { $0.name.hasPrefix("untracked-") }, context)
        #expect(unfinished.isEmpty || world.deadlocked, "unfinished \(unfinished); \(context)")

        // Everything held was given back by whoever ended.
        if !world.deadlocked {
            #expect(!run.lock.isLocked, context)
            #expect(run.semaphore.available == MixedWorkload.permits, context)
        }

        // No continuation leaked or resumed twice: each wait ends by exactly one wake.
        #expect(TraceAudit.waitWakeViolations(run.loop.store) == [], context)
    }

    /// The workload cannot deadlock by design (main is never faulted and ends everything), so a
    /// deadlock report in it is a runtime bug.
    @Test(arguments: seeds)
    func theMixedWorkloadNeverDeadlocks(seed: UInt64) throws {
        let faults = MixedWorkload.injections(seed: seed)
        let run = MixedWorkload.run(policy: .random(seed: seed), seed: seed, faults: faults)
        let world = Transcript.fold(run.loop.store)
        #expect(!world.deadlocked, "seed \(seed), faults \(faults)")
        #expect(world.tasks.allSatisfy { $0.state.isFinished }, "seed \(seed)")
        #expect(run.loop.store.taskID("main").map { world.tasks[$0.index].state } == .returned)
    }

    @Test func withoutFaultsEveryItemIsConsumedAndEveryWorkerFinishes() throws {
        for seed in UInt64(500)..<520 {
            let run = MixedWorkload.run(policy: .random(seed: seed), seed: seed, faults: [])
            #expect(run.ledger.got.sorted() == run.ledger.put.sorted())
            #expect(run.ledger.put.count == MixedWorkload.producers * MixedWorkload.itemsPerProducer)
            #expect(run.ledger.inLock.entries.count == MixedWorkload.workers * 3)
            let world = Transcript.fold(run.loop.store)
            #expect(!world.deadlocked && world.failedTasks == 0, "seed \(seed)")
        }
    }
}
