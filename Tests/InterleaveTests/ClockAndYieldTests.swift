import Testing
@testable import Interleave

/// The virtual clock, and `yield()` / `sleep(for: .zero)`: asyncio's `sleep(0)` lets every
/// other ready task run once.
@Suite struct ClockAndYieldTests {
    @Test func anHourOfVirtualTimePassesAtOnce() throws {
        let loop = Loop()
        let readings = try loop.run("main") {
            var readings = [loop.clock.now.offset]
            try await Task.sleep(for: .seconds(3600), clock: loop.clock)
            readings.append(loop.clock.now.offset)
            try await sleep(for: .milliseconds(1))
            readings.append(loop.now)
            return readings
        }
        #expect(readings == [.zero, .seconds(3600), .seconds(3600) + .milliseconds(1)])
        #expect(VirtualInstant(offset: .milliseconds(1500)).description == "1.500s")
    }

    @Test func sleepsOfEqualLengthEndInTheOrderTheyBegan() throws {
        let loop = Loop()
        let order = Box<[Int]>([])
        try loop.run("main") {
            _ = try await gather((0..<5).map { i in
                spawn("s\(i)") {
                    try await sleep(for: .seconds(1))
                    order.value.append(i)
                }
            })
        }
        #expect(order.value == [0, 1, 2, 3, 4])
    }

    @Test func aNegativeSleepIsAYield() throws {
        let loop = Loop()
        try loop.run("main") { try await sleep(for: .seconds(-5)) }
        #expect(loop.now == .zero)
    }

    @Test func yieldLetsTheOtherReadyTasksRunFirst() throws {
        let loop = Loop()
        let order = Box<[String]>([])
        try loop.run("main") {
            let tasks = ["a", "b"].map { name in
                spawn(name) {
                    for round in 0..<3 {
                        order.value.append("\(name)\(round)")
                        try await yield()
                    }
                }
            }
            _ = try await gather(tasks)
        }
        #expect(order.value == ["a0", "b0", "a1", "b1", "a2", "b2"])
        #expect(loop.now == .zero)
    }

    @Test
    func yieldCreatesNoUntrackedTask() throws {
        let loop = Loop()
        try loop.run("main") {
            try await yield()
            try await sleep(for: .zero)
        }
        #expect(loop.store.tasks.count == 1)
        #expect(Transcript.lints(loop.store).isEmpty)
        #expect(Transcript.fold(loop.store).tasks.allSatisfy { $0.state.isFinished })
        // One job to start, one after each yield.
        #expect(loop.store.events(.taskResumed).count == 3)
    }
}
