import Demos
import Interleave
import Testing

/// The demos about what goes wrong (timeouts, failures, races, deadlocks, blocking), from their traces.
@Suite struct HazardTests {
    @Test func timeoutCancelsAndTheLockIsReleased() throws {
        let run = DemoRun("timeout")
        #expect(run.tasks(named: "slow_query").map(\.state) == [.cancelled])
        let released = try #require(run.events(.lockReleased).first)
        #expect(run.store.taskName(released.task) == "slow_query")
        #expect(run.seconds(released.time) == 1)
        // report takes the lock at once: acquired at 1 s without ever waiting.
        let acquired = run.events(.lockAcquired).filter { run.store.taskName($0.task) == "report" }
        #expect(acquired.map { run.seconds($0.time) } == [1])
        #expect(!run.events(.taskWaiting).contains { run.store.taskName($0.task) == "report" })
        #expect(run.lines.map(\.text).contains("Lock still held: false"))
    }

    @Test func taskScopeCancelsTheSiblingsOfAFailure() {
        let run = DemoRun("task-group")
        #expect(run.tasks(named: "download_b").map(\.state) == [.failed])
        #expect(run.tasks(named: "download_a").map(\.state) == [.cancelled])
        #expect(run.tasks(named: "download_c").map(\.state) == [.cancelled])
        #expect(run.time(of: "The scope raised: b: server error 500") == 0.5)
        // Inside the scope nothing is downloaded after the failure.
        #expect(!run.lines.contains { $0.task.hasPrefix("download_") && $0.text.hasPrefix("Downloaded") })
    }

    @Test func gatherLeavesTheOthersRunningWhereTheScopeCancelledThem() {
        let run = DemoRun("task-group")
        #expect(run.tasks(named: "gathered_b").map(\.state) == [.failed])
        #expect(run.tasks(named: "gathered_a").map(\.state) == [.returned])
        #expect(run.tasks(named: "gathered_c").map(\.state) == [.returned])
        #expect(run.time(of: "gather raised: b: server error 500") == 1.0)
        #expect(run.time(of: "Downloaded c") == 2.5)
    }

    @Test func raceLosesUpdatesWithoutTheLockAndNoneWithIt() throws {
        let run = DemoRun("race")
        let unlocked = try #require(total(in: run, after: "Without a lock: "))
        let locked = try #require(total(in: run, after: "With a lock: "))
        #expect(unlocked < 4)
        #expect(locked == 4)
    }

    @Test func deadlockReportsTheTwoTaskCycle() {
        let run = DemoRun("deadlock")
        #expect(run.world.deadlocked)
        #expect(Set(cycleEdges(in: run)) == [Edge("task1", "task2"), Edge("task2", "task1")])
        #expect(!run.lines.contains { $0.text.contains("both locks") })
    }

    @Test func philosophersReportTheFiveCycle() {
        let run = DemoRun("philosophers")
        #expect(run.world.deadlocked)
        let expected = (0..<5).map { Edge("philosopher\($0)", "philosopher\(($0 + 1) % 5)") }
        #expect(Set(cycleEdges(in: run)) == Set(expected))
        #expect(!run.lines.contains { $0.text.hasSuffix("eats") })
    }

    @Test func blockingFreezesTheTickerAndAwaitingDoesNot() {
        let run = DemoRun("blocking")
        #expect(run.events(.loopBlockEnded).map(\.arg) == [2 * nanosecondsPerSecond])
        #expect(largestGap(run.lines.filter { $0.task == "ticker1" }.map(\.time)) >= 2)
        #expect(largestGap(run.lines.filter { $0.task == "ticker2" }.map(\.time)) <= 0.5)
    }

    @Test func actorReentrancyOverdrawsUnlessRechecked() {
        let run = DemoRun("actor")
        let texts = run.lines.map(\.text)
        #expect(texts.contains("Balance after two withdrawals: -60"))
        #expect(texts.contains("Balance with the re-check: 20"))
        // Every actor step is attributed to the task that called it.
        #expect(Set(run.lines.map(\.task)) == [
            "main", "alice_deposit", "bob_deposit", "alice_withdraw", "bob_withdraw", "alice_recheck", "bob_recheck",
        ])
    }

    @Test func swarmKeepsThePoolBounded() {
        let run = DemoRun("swarm", options: DemoOptions(tasks: 300))
        #expect(run.events(.semaphoreAcquired).allSatisfy { $0.arg <= 16 })
        #expect(run.events(.semaphoreAcquired).count == 900)
        #expect(run.world.tasks.allSatisfy { $0.state.isFinished })
        #expect(DemoRun("swarm", options: DemoOptions(seed: 2, tasks: 300)).plain != run.plain)
    }

    @Test(arguments: Catalogue.all.map(\.name))
    func noStrayTasksOrUnawaitedFailures(name: String) {
        let run = DemoRun(name, options: DemoOptions(tasks: 50))
        let lints = run.events(.lint).map { run.text($0.arg) }
        #expect(!lints.contains { $0.contains("untracked") || $0.contains("nobody awaited") }, "\(lints)")
    }

    // MARK: Helpers

    struct Edge: Hashable {
        var from: String, to: String
        init(_ from: String, _ to: String) { self.from = from; self.to = to }
    }

    /// The deadlock edges between tasks (stuck tasks outside the cycle have no holder).
    private func cycleEdges(in run: DemoRun) -> [Edge] {
        run.events(.deadlock).filter { !$0.argTask.isNone }
            .map { Edge(run.store.taskName($0.task), run.store.taskName($0.argTask)) }
    }

    private func total(in run: DemoRun, after prefix: String) -> Int? {
        run.lines.first { $0.text.hasPrefix(prefix) }.flatMap { Int($0.text.dropFirst(prefix.count).prefix { $0.isNumber || $0 == "-" }) }
    }

    private func largestGap(_ times: [Double]) -> Double {
        zip(times, times.dropFirst()).map { $1 - $0 }.max() ?? 0
    }
}
