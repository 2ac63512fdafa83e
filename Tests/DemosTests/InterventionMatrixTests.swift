import Demos
import Interleave
import InterleaveTrace
import InterleaveUI
import Testing

/// Every intervention, on every task of every demo, at a spread of moments: the run neither
/// hangs nor crashes, its resources stay consistent, no scripted caption outlives the script,
/// and stepping back then resuming never runs the clock backwards.
///
/// The interventions go through the reducer as the keys do (a refused one never reaches the
/// runtime) and reach the loop as the driver sends them (`Loop.inject`, a re-execution for
/// a rewind); the loop leaves a deadlock open, as a live run does.
@Suite struct InterventionMatrixTests {
    enum Move: CaseIterable { case fail, cancel, stall, backThenResume }

    /// fetch talks real HTTP on loopback (FetchDemoTests covers its faults).
    static let demos = Catalogue.all.map(\.name).filter { $0 != "fetch" }

    @Test(arguments: demos)
    func everyInterventionKeepsTheRunCoherent(name: String) throws {
        let (reference, cursor) = DemoRun.liveReference(name)
        defer { reference.close() }
        let total = cursor.totalSteps
        // The start, two points in the middle, and the end (where a deadlock demo is stuck).
        for step in Set([0, total / 3, 2 * total / 3, total]).sorted() {
            cursor.seek(toStep: step)
            let shown = cursor.world
            for task in Self.sample(shown.tasks.indices.map { TaskID($0) }) {
                for move in Move.allCases {
                    try check(name, move, on: task, at: step, shown: shown, reference: cursor)
                }
            }
        }
    }

    /// A few tasks of a big world: the first ones (main and its first children) and the last.
    static func sample(_ tasks: [TaskID]) -> [TaskID] {
        tasks.count <= 8 ? tasks : Array(tasks.prefix(6) + tasks.suffix(2))
    }

    private func check(
        _ name: String, _ move: Move, on task: TaskID, at step: Int, shown: WorldState, reference: TraceCursor
    ) throws {
        let context = "\(name) step \(step) \(move) on #\(task.rawValue)"
        let loop = DemoRun.liveLoop(name)
        defer { loop.close() }
        loop.reexecute(steps: step, injecting: [], throughEvent: shown.eventCount)
        var state = AppState(width: 120, height: 40)
        _ = state.reduce(.worldChanged(WorldFacts(store: loop.store, world: shown, latestStep: step)))
        state.selected = task
        var resumedFrom = loop.nowInNanoseconds
        let before = loop.store.events.count

        switch move {
        case .fail, .cancel, .stall:
            let action: Action = move == .fail ? .injectFail : move == .cancel ? .injectCancel : .injectStall
            let effects = state.reduce(action)
            if shown.tasks[task.index].state.isFinished {
                #expect(effects.isEmpty, "\(context): a finished task refuses")
                #expect(state.status == .alreadyFinished(task, shown.tasks[task.index].state), "\(context)")
            } else {
                let injected = effects.compactMap { effect -> FaultKind? in
                    if case .inject(let kind, let target) = effect, target == task { kind } else { nil }
                }
                let kind = try #require(injected.first, "\(context): the reducer injects")
                loop.inject(Fault(kind, stall: .seconds(2)), into: task)
            }
        case .backThenResume:
            // Back to an earlier step, as `b` does, then on from there, as space does.
            let target = step / 2
            reference.seek(toStep: target)
            let rewound = reference.world
            let again = DemoRun.liveLoop(name)
            defer { again.close() }
            again.reexecute(steps: target, injecting: [], throughEvent: rewound.eventCount)
            #expect(again.nowInNanoseconds == rewound.time, "\(context): the rewound clock is the one shown")
            resumedFrom = again.nowInNanoseconds
            let resumedAt = again.store.events.count
            again.runUntilIdle()
            let times = again.store.events.snapshot()[resumedAt...].map(\.time)
            #expect(times.allSatisfy { $0 >= resumedFrom }, "\(context): the clock never runs backwards")
            #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 }, "\(context)")
            return
        }

        loop.runUntilIdle()
        let events = loop.store.events.snapshot()
        #expect(TraceAudit.resourceViolations(loop.store).isEmpty, "\(context): \(TraceAudit.resourceViolations(loop.store))")
        #expect(events[before...].allSatisfy { $0.time >= resumedFrom }, "\(context): time runs on")
        if shown.tasks[task.index].state.isFinished {
            #expect(!events[before...].contains { $0.kind == .faultInjected }, "\(context): nothing logged")
        }
        try checkCaptionsAndStates(loop.store, events: events, from: before, context: context)
    }

    /// From the intervention on, every frame's caption is the run's own story, and every world
    /// is consistent: no finished task waits, no lock is held by a finished task.
    private func checkCaptionsAndStates(_ store: TraceStore, events: [TraceEvent], from start: Int, context: String) throws {
        let scripted = Set(events.filter { $0.kind == .caption }.map { store.string(StringID(rawValue: UInt32($0.arg))) })
        var world = WorldState()
        for (index, event) in events.enumerated() {
            world.reduce(event)
            guard index >= start else { continue }
            if world.lastIntervention >= 0 {
                let view = CaptionView(context: ViewContext(
                    store: store, world: world, state: AppState(width: 120, height: 40), theme: .color, glyphs: .unicode))
                let message = view.message
                #expect(message.isDiagnostic || !scripted.contains(message.text),
                        "\(context): scripted caption after the intervention at event \(index): \(message.text)")
            }
            for (offset, resource) in world.resources.enumerated() where !resource.holder.isNone {
                let holder = world.tasks[resource.holder.index]
                #expect(!holder.state.isFinished || store.resource(ResourceID(offset)).kind != .lock,
                        "\(context): \(store.resourceName(ResourceID(offset))) held by finished \(store.taskName(resource.holder))")
            }
        }
        #expect(world.ended || world.deadlocked, "\(context): the run ended or is stuck, it did not stop half-way")
    }
}
