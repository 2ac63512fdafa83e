import InterleaveTrace

/// The few facts about the trace that the reducer needs, sent by the driver whenever the world moves.
///
/// The reducer stays pure by receiving these as an action instead of reading the trace itself.
/// ```swift
/// cursor.catchUp()
/// _ = state.reduce(.worldChanged(WorldFacts(store: store, world: cursor.world, latestStep: cursor.totalSteps)))
/// ```
public struct WorldFacts: Sendable, Equatable {
    /// The step the view shows.
    public var step: Int
    /// The newest step in the trace (equal to `step` unless the view was moved back).
    public var latestStep: Int
    /// Tasks in timeline order (see `TaskTree`).
    public var taskOrder: [TaskID]
    public var deadlocked: Bool
    public var ended: Bool
    /// Events and resources in the world: upper bounds for the log's and resources' scrolling.
    public var eventCount: Int
    public var resourceCount: Int
    /// The virtual time the view shows (the reducer keeps the furthest one for the axis).
    public var time: Int64
    /// Each task's state, by task index: what an intervention on it can still do.
    public var taskStates: [TaskState]
    /// Under a manual schedule: the tasks offered at the choice the view stands before (empty
    /// when none), in the order the digit keys number them.
    public var choiceOffer: [TaskID] = []
    /// Choices made so far, and when the run first failed (a challenge's goal), if it has.
    public var choicesMade = 0
    public var choicesAtFailure: Int?

    public init(
        step: Int, latestStep: Int, taskOrder: [TaskID], deadlocked: Bool = false, ended: Bool = false,
        eventCount: Int = 0, resourceCount: Int = 0, time: Int64 = 0, taskStates: [TaskState] = []
    ) {
        self.step = step
        self.latestStep = max(step, latestStep)
        self.taskOrder = taskOrder
        self.deadlocked = deadlocked
        self.ended = ended
        self.eventCount = eventCount
        self.resourceCount = resourceCount
        self.time = time
        self.taskStates = taskStates
    }

    /// Reads the facts off a world state; `latestStep` is the cursor's `totalSteps`.
    public init(store: TraceStore, world: WorldState, latestStep: Int) {
        self.init(
            step: world.step, latestStep: latestStep,
            taskOrder: TaskTree(store: store, taskCount: world.tasks.count).order,
            deadlocked: world.deadlocked, ended: world.ended,
            eventCount: world.eventCount, resourceCount: world.resources.count,
            time: world.time, taskStates: world.tasks.map(\.state)
        )
        choiceOffer = world.choiceOffer
        choicesMade = world.choicesMade
        choicesAtFailure = world.choicesAtFailure
    }
}
