@testable import InterleaveUI
import InterleaveTrace
import Testing

/// What the views say is true of the run at that instant: who holds a semaphore's permits, and a
/// sleeper whose timer came due while the loop was blocked.
@Suite struct CoherenceViewTests {
    /// Three permits, four workers: w1–w3 take them, w4 waits; w2 leaves and hands its permit on.
    static func permits(handOff: Bool) -> (TraceStore, WorldState) {
        let s = Script(demoName: "permits", title: "", fileID: "Demos/Permits.swift", source: "")
        let main = s.task("main")
        let workers = (1...4).map { s.task("w\($0)", parent: main) }
        let pool = s.resource("pool", .semaphore, capacity: 3, by: main)
        for (index, worker) in workers.prefix(3).enumerated() {
            s.event(.semaphoreAcquired, worker, pool, arg: Int64(index + 1))
        }
        s.wait(workers[3], on: pool, .acquire)
        if handOff {
            s.at(1)
            s.event(.semaphoreReleased, workers[1], pool, arg: 2)
            s.event(.semaphoreAcquired, workers[3], pool, arg: 3)
            s.wake(workers[3], by: workers[1], via: pool)
            s.finish(workers[1])
        }
        return (s.store, s.cursor().world)
    }

    static func resources(_ store: TraceStore, _ world: WorldState) -> [String] {
        ViewTests.draw(store, world, width: 44, height: 8) { ResourcesView(context: $0).draw(in: $1, into: &$2) }.lines()
    }

    @Test func theResourcesPaneNamesASemaphoresHolders() {
        let (store, world) = Self.permits(handOff: false)
        let lines = Self.resources(store, world)
        #expect(lines.contains { $0.contains("3 holding: w1, w2, w3") }, "\(lines)")
        #expect(lines.contains { $0.contains("1 waiting: w4") }, "\(lines)")
    }

    @Test func aHandedOnPermitChangesTheHolders() {
        let (store, world) = Self.permits(handOff: true)
        let lines = Self.resources(store, world)
        #expect(lines.contains { $0.contains("3 holding: w1, w3, w4") }, "\(lines)")
        #expect(!lines.contains { $0.contains("waiting") }, "\(lines)")
    }

    /// ticker sleeps until 1 s; worker blocks the loop from 0.5 s to 2.5 s.
    static func blockedTicker(blockEnds: Bool) -> (TraceStore, WorldState, ticker: TaskID) {
        let s = Script(demoName: "blocking", title: "", fileID: "Demos/Blocking.swift", source: "")
        let ticker = s.task("ticker")
        let worker = s.task("worker")
        s.resume(ticker)
        s.sleep(ticker, until: 1)
        s.at(0.5)
        s.resume(worker)
        s.event(.loopBlockStarted, worker, arg: 2_000_000_000)
        if blockEnds {
            s.at(2.5)
            s.event(.loopBlockEnded, worker, arg: 2_000_000_000)
            s.finish(worker)
            s.wake(ticker)
            s.resume(ticker)
            s.finish(ticker)
        }
        var world = s.cursor().world
        // The live view moves the clock while the loop is blocked.
        if !blockEnds { world.time = 2_000_000_000 }
        return (s.store, world, ticker)
    }

    @Test func aSleeperPastItsDeadlineIsDrawnReadyWhileTheLoopIsBlocked() {
        let (store, world, ticker) = Self.blockedTicker(blockEnds: false)
        var builder = LaneBuilder()
        let scale = TimeScale(span: 2_500_000_000, columns: 25)
        let lane = TimelineTests.picture(builder.build(task: ticker, store: store, world: world, scale: scale))
        #expect(lane == "#-----++++++++           ")
        let context = ViewContext(store: store, world: world, state: AppState(), theme: .color, glyphs: .unicode)
        #expect(TaskDetailView(context: context).stateText(world.tasks[ticker.index]) == "overdue: the loop is blocked (due at 1.000s)")
    }

    @Test func theOverdueStretchStaysInTheLaneAfterTheBlock() {
        let (store, world, ticker) = Self.blockedTicker(blockEnds: true)
        var builder = LaneBuilder()
        let scale = TimeScale(span: 2_500_000_000, columns: 25)
        let lane = TimelineTests.picture(builder.build(task: ticker, store: store, world: world, scale: scale))
        #expect(lane == "#-----++++++++++#.       ")
    }

    @Test func aSleepEndingOnTimeIsNotOverdue() {
        #expect(!LaneBuilder.isOverdue(sleepingSince: 0, deadline: 1_000, at: 1_000))
        #expect(LaneBuilder.isOverdue(sleepingSince: 0, deadline: 1_000, at: 1_001))
        #expect(!LaneBuilder.isOverdue(sleepingSince: 0, deadline: 1_000, at: 500))
    }
}

extension CoherenceViewTests {
    @Test func holdersContinueOnTheNextLinesInANarrowPane() {
        let (store, world) = Self.permits(handOff: false)
        let lines = ViewTests.draw(store, world, width: 24, height: 8) { ResourcesView(context: $0).draw(in: $1, into: &$2) }.lines()
        let holding = lines.drop { !$0.contains("holding") }.prefix(3).joined(separator: "\n")
        for name in ["w1", "w2", "w3"] { #expect(holding.contains(name), "\(lines)") }
    }
}
