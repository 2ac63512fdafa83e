@testable import Interleave
import Testing

@Suite struct ExploreStrategyTests {
    /// Runs the two writers once under `picker`, returning the order they wrote in and the choices made.
    private func writers(steps: Int, picker: any SchedulePicker) -> (order: [String], schedule: Schedule) {
        let log = ExplorePrograms.Log()
        let outcome = Explorer { loop in
            loop.spawn("main", ExplorePrograms.twoWriters(steps: steps, log: log))
        }.run(picker: picker)
        log.endRun()
        return (log.allRuns.last ?? [], outcome.schedule)
    }

    /// Every way of interleaving `a` steps of one writer with `b` of the other.
    private func allInterleavings(_ a: Int, _ b: Int) -> Set<[String]> {
        if a == 0 { return [Array(repeating: "b", count: b)] }
        if b == 0 { return [Array(repeating: "a", count: a)] }
        return Set(allInterleavings(a - 1, b).map { ["a"] + $0 } + allInterleavings(a, b - 1).map { ["b"] + $0 })
    }

    @Test func depthFirstSearchWithoutABoundVisitsEveryInterleavingOnce() {
        var dfs = BoundedDFSPicker(prefix: [])
        var orders: [[String]] = []
        var schedules: Set<Schedule> = []
        while true {
            let run = writers(steps: 3, picker: dfs)
            orders.append(run.order)
            #expect(schedules.insert(run.schedule).inserted, "schedule \(run.schedule.text) ran twice")
            guard let next = dfs.nextPrefix(bound: .max) else { break }
            dfs = BoundedDFSPicker(prefix: next)
        }
        #expect(Set(orders) == allInterleavings(3, 3))
    }

    @Test func theDepthFirstBoundLimitsPreemptions() {
        for bound in 0...2 {
            var dfs = BoundedDFSPicker(prefix: [])
            var runs = 0
            while true {
                let run = writers(steps: 3, picker: dfs)
                runs += 1
                #expect(run.schedule.preemptions <= bound)
                guard let next = dfs.nextPrefix(bound: bound) else { break }
                dfs = BoundedDFSPicker(prefix: next)
            }
            if bound == 0 { #expect(runs == 1, "no preemption allowed: only the FIFO run") }
        }
    }

    /// With depth d, PCT changes priorities d − 1 times, so a run switches between the two
    /// writers at most d times (each drop can hand the loop to the other writer once more).
    @Test(arguments: [1, 2, 3])
    func pctSwitchesWritersAtMostDepthTimes(depth: Int) {
        var most = 0
        for seed in 0..<200 as Range<UInt64> {
            let order = writers(steps: 4, picker: PCTPicker(seed: seed, depth: depth, expectedChoices: 12)).order
            let switches = zip(order, order.dropFirst()).filter { $0 != $1 }.count
            #expect(switches <= depth, "seed \(seed): \(order)")
            most = max(most, switches)
        }
        #expect(most == depth, "some seed uses every change point")
    }

    @Test func randomPicksAreReproducibleBySeed() {
        let first = writers(steps: 4, picker: RandomPicker(seed: 3))
        let again = writers(steps: 4, picker: RandomPicker(seed: 3))
        #expect(first.order == again.order)
        #expect(first.schedule == again.schedule)
    }
}
