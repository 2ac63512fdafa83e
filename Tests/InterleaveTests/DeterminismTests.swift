import Testing
@testable import Interleave

/// Same workload, same seed: the very same trace. Another seed: another interleaving.
@Suite struct DeterminismTests {
    /// Everything a trace holds, as comparable values.
    struct Recording: Equatable {
        var events: [TraceEvent]
        var strings: [String]
        var tasks: [TaskInfo]
        var resources: [ResourceInfo]

        init(_ store: TraceStore) {
            events = store.events.snapshot()
            strings = store.strings.snapshot()
            tasks = store.tasks.snapshot()
            resources = store.resources.snapshot()
        }
    }

    @Test(arguments: [UInt64(3), 77, 1234, 0xDEAD_BEEF])
    func theSameSeedAndFaultsGiveTheSameTrace(seed: UInt64) {
        let faults = MixedWorkload.injections(seed: seed)
        let first = MixedWorkload.run(policy: .random(seed: seed), seed: seed, faults: faults)
        let second = MixedWorkload.run(policy: .random(seed: seed), seed: seed, faults: faults)
        let a = Recording(first.loop.store), b = Recording(second.loop.store)
        #expect(a.events.count > 100)
        #expect(a.events == b.events)
        #expect(a.strings == b.strings)
        #expect(a.tasks == b.tasks)
        #expect(a.resources == b.resources)
        #expect(first.ledger.got == second.ledger.got)
        #expect(first.loop.store.header.seed == seed && first.loop.store.header.schedule == "random")
    }

    @Test func fifoRunsAreReproducibleToo() {
        let first = MixedWorkload.run(policy: .fifo, seed: 9, faults: MixedWorkload.injections(seed: 9))
        let second = MixedWorkload.run(policy: .fifo, seed: 9, faults: MixedWorkload.injections(seed: 9))
        #expect(Recording(first.loop.store) == Recording(second.loop.store))
        #expect(first.loop.store.header.schedule == "fifo")
    }

    /// Three tasks that print and yield in turn: the schedule alone decides the order.
    static func racyOutput(_ policy: SchedulePolicy) throws -> [String] {
        let loop = Loop(policy: policy)
        try loop.run("main") {
            _ = try await gather(["a", "b", "c"].map { name in
                spawn(name) {
                    for round in 0..<3 {
                        print("\(name)\(round)")
                        try await sleep(for: .milliseconds(1))
                    }
                }
            })
        }
        return Transcript.printed(loop.store)
    }

    @Test func differentSeedsGiveDifferentInterleavings() throws {
        let reference = try Self.racyOutput(.random(seed: 1))
        #expect(try Self.racyOutput(.random(seed: 1)) == reference)
        let others = try (2...9).map { try Self.racyOutput(.random(seed: UInt64($0))) }
        #expect(others.contains { $0 != reference })
        #expect(Set(others.map { $0.joined(separator: ",") }).count > 1)
        // Whatever the order, nothing is lost and each task keeps its own order.
        for output in others + [reference] {
            #expect(output.sorted() == ["a0", "a1", "a2", "b0", "b1", "b2", "c0", "c1", "c2"])
            for name in ["a", "b", "c"] {
                #expect(output.filter { $0.hasPrefix(name) } == ["\(name)0", "\(name)1", "\(name)2"])
            }
        }
        // FIFO is asyncio's order: round by round, in spawn order.
        #expect(try Self.racyOutput(.fifo) == ["a0", "b0", "c0", "a1", "b1", "c1", "a2", "b2", "c2"])
    }

    @Test func differentSeedsGiveDifferentTracesOfTheMixedWorkload() {
        let traces = (UInt64(600)..<604).map { seed in
            Recording(MixedWorkload.run(policy: .random(seed: seed), seed: 42, faults: []).loop.store).events
        }
        #expect(Set(traces.map(\.count)).count > 1 || traces.dropFirst().contains { $0 != traces[0] })
    }
}
