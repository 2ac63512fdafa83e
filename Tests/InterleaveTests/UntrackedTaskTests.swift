import Testing
@testable import Interleave

/// Tasks the loop did not spawn but runs anyway (an `async let`, a task-group child) are
/// adopted without upsetting its book-keeping: they are named, linted once, and never counted
/// as spawned tasks yet to start.
@Suite struct UntrackedTaskTests {
    @Test func asyncLetChildrenRunToTheirEndWithTheCountsIntact() throws {
        let loop = Loop()
        let total = try loop.run("main") {
            async let a: Int = { try await sleep(for: .seconds(1)); return 1 }()
            async let b: Int = { try await sleep(for: .seconds(2)); return 2 }()
            let late = spawn("late") { try await sleep(for: .seconds(3)); return 3 }
            return try await a + b + late.value
        }
        #expect(total == 6)
        #expect(loop.now == .seconds(3))
        #expect(loop.unstartedTasks == 0, "adoption took nothing off the count of tasks yet to start")
        let adopted = loop.store.tasks.snapshot().filter { $0.name.hasPrefix("untracked-") }
        #expect(adopted.count == 2)
        #expect(Transcript.lints(loop.store).count == 2, "one lint per adopted task")
    }

    @Test func taskGroupChildrenRunToTheirEndWithTheCountsIntact() throws {
        let loop = Loop()
        let sum = try loop.run("main") {
            try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 1...3 {
                    group.addTask { try await sleep(for: .seconds(n)); return n }
                }
                // A spawned task created while the children are suspended still starts.
                let extra = spawn("extra") { try await sleep(for: .milliseconds(500)); return 10 }
                var sum = try await extra.value
                for try await value in group { sum += value }
                return sum
            }
        }
        #expect(sum == 16)
        #expect(loop.now == .seconds(3))
        #expect(loop.unstartedTasks == 0)
    }
}
