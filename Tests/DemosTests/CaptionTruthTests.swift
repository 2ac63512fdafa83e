import Demos
import Interleave
import Testing

/// A caption stays on screen until the next one, so in the untouched run it must stay true that
/// long. Captions that claim a state ("the lock is held, so this coroutine waits") are checked at
/// every moment the screen rests on while they are the visible caption.
@Suite struct CaptionTruthTests {
    /// A checkable claim a caption makes: the caption's opening words, and what must hold.
    struct Claim: Sendable {
        var demo: String
        var caption: String
        var holds: @Sendable (Moment) -> Bool
    }

    /// One moment the screen can show: the world then, and the run's names.
    struct Moment {
        var world: WorldState
        var store: TraceStore

        func name(_ task: TaskID) -> String { store.taskName(task) }

        /// Tasks waiting on a resource of this kind, with this reason if given.
        func waiters(on kind: ResourceKind, reason: WaitReason? = nil) -> [String] {
            world.tasks.indices.filter { index in
                let task = world.tasks[index]
                guard task.state == .waiting, !task.resource.isNone, task.resource.index < store.resources.count
                else { return false }
                return store.resource(task.resource).kind == kind && (reason == nil || task.reason == reason)
            }.map { name(TaskID($0)) }
        }

        /// The holders of every resource of this kind that is held.
        func holders(of kind: ResourceKind) -> [String] {
            world.resources.indices.filter { index in
                index < store.resources.count && store.resource(ResourceID(index)).kind == kind
                    && !world.resources[index].holder.isNone
            }.map { name(world.resources[$0].holder) }
        }

        /// Futures nobody has set yet that `task` awaits.
        func awaitsPendingFuture(_ task: String) -> Bool {
            world.tasks.indices.contains { index in
                let snapshot = world.tasks[index]
                guard name(TaskID(index)) == task, snapshot.state == .waiting, !snapshot.resource.isNone,
                      snapshot.resource.index < world.resources.count
                else { return false }
                return store.resource(snapshot.resource).kind == .future && world.resources[snapshot.resource.index].aux == 0
            }
        }
    }

    static let claims: [Claim] = [
        Claim(demo: "lock", caption: "The lock is held, so this coroutine waits") { $0.waiters(on: .lock, reason: .acquire) == ["coroutine2"] },
        Claim(demo: "lock", caption: "The holder released the lock") { $0.holders(of: .lock) == ["coroutine2"] && $0.waiters(on: .lock).isEmpty },
        Claim(demo: "semaphore", caption: "download8, the last in the queue, got a permit: nobody waits") { $0.waiters(on: .semaphore).isEmpty },
        Claim(demo: "queue", caption: "Every item is queued; join waits") { $0.waiters(on: .queue).contains("main") },
        Claim(demo: "future", caption: "main awaits the future; nothing has set it yet") { $0.awaitsPendingFuture("main") },
        Claim(demo: "future", caption: "main now awaits a second future") { $0.awaitsPendingFuture("main") },
        Claim(demo: "event", caption: "worker2 waits for the event") { $0.waiters(on: .event) == ["worker2"] },
        Claim(demo: "timeout", caption: "slow_query holds the lock") { $0.holders(of: .lock) == ["slow_query"] },
    ]

    @Test(arguments: Catalogue.all.map(\.name).filter { name in claims.contains { $0.demo == name } })
    func claimsHoldWhileTheirCaptionShows(demo: String) {
        let run = DemoRun(demo)
        let claims = Self.claims.filter { $0.demo == demo }
        var checked = Set<String>()
        for moment in Self.visibleMoments(of: run) {
            guard let captionID = moment.world.caption else { continue }
            let caption = run.store.string(captionID)
            for claim in claims where caption.hasPrefix(claim.caption) {
                checked.insert(claim.caption)
                let holds = claim.holds(moment)
                #expect(holds, "\(demo) at \(run.seconds(moment.world.time))s: \"\(caption)\" is not true any more")
            }
        }
        // A reworded caption must not silently leave its claim unchecked.
        #expect(checked == Set(claims.map(\.caption)), "\(demo): some claims matched no caption")
    }

    /// The moments the screen rests on with the demo's own caption showing: wherever virtual time
    /// passes (a wait, a sleep, a blocked loop) and at the end. Jobs at one instant follow each
    /// other at once, and a caption written by one task cannot share a job with another task's
    /// change, so those in-between steps are not held to it.
    static func visibleMoments(of run: DemoRun) -> [Moment] {
        var world = WorldState()
        var moments: [Moment] = []
        for (index, event) in run.events.enumerated() {
            if index > 0, event.time > world.time, captionIsShown(world) {
                moments.append(Moment(world: world, store: run.store))
            }
            world.reduce(event)
        }
        if captionIsShown(world) { moments.append(Moment(world: world, store: run.store)) }
        return moments
    }

    /// The caption bar shows the demo's caption unless a later diagnostic speaks instead.
    static func captionIsShown(_ world: WorldState) -> Bool {
        world.caption != nil && world.lastDiagnostic < world.captionEvent && world.lastIntervention < world.captionEvent
    }

    @Test(arguments: Catalogue.all.map(\.name))
    func everyLaneHasItsOwnName(demo: String) {
        let run = DemoRun(demo, options: DemoOptions(tasks: 50))
        let names = run.events(.taskCreated).map { run.store.taskName($0.task) }
        let repeated = Dictionary(grouping: names, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "\(demo) has several lanes named \(repeated)")
    }
}
