import Demos
import Interleave
import Testing

/// The hazard demos whose plain run passes and whose bug needs a particular interleaving.
@Suite struct ExploreDemoTests {
    static let names = ["bank", "lost-wakeup", "lock-order", "philosophers-random"]

    private func explorer(_ name: String, seed: UInt64 = 0) -> Explorer {
        let demo = Catalogue.named(name)!
        return Explorer(options: ExploreOptions(schedules: 5_000, seed: seed)) { loop in
            demo.start(on: loop, options: DemoOptions())
        }
    }

    @Test(arguments: names)
    func theFIFORunPasses(name: String) {
        let loop = Loop()
        Catalogue.named(name)!.start(on: loop, options: DemoOptions())
        loop.runUntilIdle()
        #expect(loop.failure == nil, "\(name): \(String(describing: loop.failure))")
        loop.close()
    }

    @Test(arguments: names)
    func exploreFindsTheBugAndShrinksItToAtMostTwoPreemptions(name: String) throws {
        let report = explorer(name).search()
        _ = try #require(report.failure, "\(name): no failure in \(report.schedulesRun) schedules")
        let schedule = try #require(report.schedule)
        #expect(schedule.preemptions <= report.foundSchedule!.preemptions)
        #expect(schedule.preemptions <= 2, "\(name): \(schedule)")
        #expect((report.foundAt ?? 0) > 1)
    }

    @Test(arguments: names)
    func theSavedScheduleFailsTheSameWayEveryTime(name: String) throws {
        let report = explorer(name).search()
        let schedule = try #require(report.schedule)
        for _ in 0..<100 {
            let loop = Loop(policy: .replay(schedule), tracing: false)
            Catalogue.named(name)!.start(on: loop, options: DemoOptions())
            loop.runUntilIdle()
            #expect(loop.failure?.signature == report.failure?.signature)
            loop.close()
        }
    }

    @Test func theSameSeedGivesTheSameReport() {
        let first = explorer("lock-order", seed: 5).search(), second = explorer("lock-order", seed: 5).search()
        #expect(first.foundAt == second.foundAt)
        #expect(first.schedule == second.schedule)
        #expect(first.failure == second.failure)
    }
}
