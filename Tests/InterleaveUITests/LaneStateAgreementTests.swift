import InterleaveTrace
import InterleaveUI
import Testing

/// Lanes and the world state read one mapping from event kinds to task states, so for every
/// kind the lane shows the state the world holds (`taskWaitAbandoned` once drifted apart).
@Suite struct LaneStateAgreementTests {
    @Test(arguments: EventKind.allCases)
    func theLaneShowsTheWorldsStateAfterEveryKind(kind: EventKind) {
        // A waiting task (a state few kinds lead to), then the event at 0.5 s; the run ends at 1 s.
        let store = TraceStore()
        let recorder = TraceRecorder(store: store)
        let task = recorder.createTask(name: "t", parent: .none, at: 0)
        recorder.record(.taskResumed, task: task, at: 0)
        recorder.record(.taskWaiting, task: task, at: 0)
        recorder.record(kind, task: task, at: 500_000_000)
        recorder.record(.runEnded, at: 1_000_000_000)
        let cursor = TraceCursor(store: store)
        cursor.catchUp()

        let worldState = cursor.world.tasks[task.index].state
        #expect(worldState == kind.taskStateAfter ?? .waiting)
        var builder = LaneBuilder()
        let cells = builder.build(task: task, store: store, world: cursor.world, scale: TimeScale(span: 1_000_000_000, columns: 10))
        let lastDrawn = cells.last { $0 != 0 }.flatMap(LaneBuilder.state)
        #expect(lastDrawn == worldState, "the lane after \(kind) ends in another state")
    }
}
