import Testing
@testable import Interleave
import InterleaveTrace

/// The bank of `examples/StandardConcurrency` (Bank.swift), as written there: a check, an await
/// (the actor is free meanwhile), then the withdrawal.
private actor Account {
    private(set) var balance: Int
    init(balance: Int) { self.balance = balance }

    func withdraw(_ amount: Int, by customer: String) async throws {
        guard balance >= amount else {
            print("\(customer): declined, only \(balance) left")
            return
        }
        print("\(customer): \(balance) covers \(amount), running the fraud check")
        try await Task.sleep(for: .milliseconds(200))
        balance -= amount
        print("\(customer): withdrew \(amount), balance now \(balance)")
    }
}

/// An actor whose method never suspends and never calls into the loop: its turns are seen only
/// from the runtime's records.
private actor Counter {
    var value = 0
    func bump() -> Int {
        value += 1
        return value
    }
}

/// Default actors of unmodified Swift code are resources: who runs inside one holds it, who is
/// queued to enter waits to acquire it.
@Suite(.serialized) struct StandardActorTests {
    /// Events that say who holds or waits for an actor, as the event log words them.
    private func actorEvents(_ store: TraceStore) -> [String] {
        store.events.snapshot().compactMap { e -> String? in
            guard !e.resource.isNone, store.resource(e.resource).kind == .actor else { return nil }
            switch e.kind {
            case .lockAcquired, .lockReleased, .taskWaiting, .resourceCreated:
                return EventText.describe(e, in: store).map { "\(formatSeconds(e.time)) \($0)" }
            default:
                return nil
            }
        }
    }

    private var layoutReadsWork: Bool { StandardTaskWaits.isAvailable }

    /// Reentrancy: each withdrawal lets the other in while it sleeps, so the account changes
    /// hands four times, in order, and is free between turns.
    @Test func reentrancyShowsTheHolderChangesInOrder() throws {
        guard layoutReadsWork else { return }
        let loop = Loop(routesStandardJobs: true)
        _ = try? loop.run {
            let account = Account(balance: 100)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for customer in ["alice", "bob"] {
                    group.addTask(name: customer) { try await account.withdraw(70, by: customer) }
                }
                try await group.waitForAll()
            }
            _ = await account.balance
        }
        let events = actorEvents(loop.store).filter { $0.contains("acquired") || $0.contains("released") }
        #expect(events == [
            "0.000s alice acquired Account", "0.000s alice released Account",
            "0.000s bob acquired Account", "0.000s bob released Account",
            "0.200s alice acquired Account", "0.200s alice released Account",
            "0.200s bob acquired Account", "0.200s bob released Account",
            "0.200s main acquired Account", "0.200s main released Account",
        ])
        let world = Transcript.fold(loop.store)
        #expect(world.resources[0].holder == .none)
        #expect(loop.store.resources.snapshot().filter { $0.kind == .actor }.map(\.name) == ["Account"])
        // Both customers queued to enter it (after their sleeps), as waiters of the resource.
        let waiters = Set(loop.store.events.snapshot().filter { $0.kind == .taskWaiting && $0.resource == ResourceID(0) }
            .map { loop.store.taskName($0.task) })
        #expect(waiters.isSuperset(of: ["alice", "bob"]), "\(waiters)")
        #expect(TraceAudit.resourceViolations(loop.store).isEmpty)
        #expect(TraceAudit.waitWakeViolations(loop.store) == [])
    }

    /// Two tasks calling a busy actor: the second is queued behind the first and waits to
    /// acquire it; each turn is seen, although the method never calls into the loop, and the
    /// tasks that end inside the actor are seen to end.
    @Test func aTaskQueuedOnABusyActorWaitsToAcquireIt() throws {
        guard layoutReadsWork else { return }
        let loop = Loop(routesStandardJobs: true)
        let total = try loop.run {
            let counter = Counter()
            await withTaskGroup(of: Void.self) { group in
                for name in ["carol", "dave"] {
                    group.addTask(name: name) { _ = await counter.bump() }
                }
            }
            return await counter.value
        }
        #expect(total == 2)
        #expect(actorEvents(loop.store) == [
            "0.000s code outside the loop creates actor Counter",
            "0.000s carol waits to acquire Counter",
            "0.000s dave waits to acquire Counter",
            "0.000s carol acquired Counter", "0.000s carol released Counter",
            "0.000s dave acquired Counter", "0.000s dave released Counter",
            "0.000s main waits to acquire Counter",
            "0.000s main acquired Counter", "0.000s main released Counter",
        ])
        let world = Transcript.fold(loop.store)
        #expect(world.tasks.allSatisfy { $0.state == .returned })
        #expect(TraceAudit.resourceViolations(loop.store).isEmpty)
        #expect(TraceAudit.waitWakeViolations(loop.store) == [])
    }

    /// A second instance of a type is numbered.
    @Test func twoActorsOfOneTypeAreTwoResources() throws {
        guard layoutReadsWork else { return }
        let loop = Loop(routesStandardJobs: true)
        try loop.run {
            let first = Counter(), second = Counter()
            _ = await first.bump()
            _ = await second.bump()
        }
        #expect(loop.store.resources.snapshot().filter { $0.kind == .actor }.map(\.name) == ["Counter", "Counter#2"])
    }

    /// Code on the main actor holds the `MainActor` resource while its job runs.
    @Test func theMainActorIsHeldByTheTaskWhoseJobRunsOnIt() throws {
        let loop = Loop(routesStandardJobs: true)
        _ = try loop.run {
            try await Task(name: "worker") {
                try await Task.sleep(for: .milliseconds(10))
                await MainActor.run { _ = 1 }
            }.value
        }
        let store = loop.store
        let mainActor = store.resources.snapshot().firstIndex { $0.name == "MainActor" }
        #expect(mainActor != nil)
        let turns = store.events.snapshot().filter { ($0.kind == .lockAcquired || $0.kind == .lockReleased) && $0.resource.index == mainActor }
        #expect(turns.map { "\(formatSeconds($0.time)) \(store.taskName($0.task)) \($0.kind == .lockAcquired ? "acquired" : "released")" }
            == ["0.010s worker acquired", "0.010s worker released"])
        #expect(Transcript.fold(store).resources[mainActor ?? 0].holder == .none)
    }
}
