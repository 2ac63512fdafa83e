import InterleaveTrace

/// The read-only slice of the world every view draws from: the trace, the world at the cursor,
/// the UI state, and how things look.
///
/// ```swift
/// let context = ViewContext(store: store, world: cursor.world, state: state, theme: .color, glyphs: .unicode)
/// HeaderView(context: context).draw(in: layout.header, into: &buffer)
/// ```
public struct ViewContext: Sendable {
    public let store: TraceStore
    public let world: WorldState
    public let state: AppState
    public let theme: Theme
    public let glyphs: Glyphs
    /// How much of the trace the run has reached: the whole store for a live run, the furthest
    /// event played so far for a replay, whose store already holds the future. Views that look
    /// past the cursor (the timeline's axis) stop here, so a replay shows what the live run did.
    public let reachedEventCount: Int

    public init(
        store: TraceStore, world: WorldState, state: AppState, theme: Theme, glyphs: Glyphs, reachedEventCount: Int? = nil
    ) {
        self.store = store
        self.world = world
        self.state = state
        self.theme = theme
        self.glyphs = glyphs
        let count = store.events.count
        self.reachedEventCount = min(count, max(world.eventCount, reachedEventCount ?? count))
    }

    /// Shorthand for `theme.style(role)`.
    public func style(_ role: Role) -> Style { theme.style(role) }

    /// The selected task, if it exists in this world.
    public var selectedTask: TaskID? {
        guard let task = state.selected, task.index < world.tasks.count else { return nil }
        return task
    }

    /// The event at `index` (below `world.eventCount`).
    func event(_ index: Int) -> TraceEvent { store.events[index] }

    /// Text truncated to `width` cells, ending in an ellipsis when cut; escaped first so that
    /// the count matches what `Buffer.write` will show.
    func fit(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        let safe = SafeText.escape(text)
        var scalars = safe.unicodeScalars
        guard scalars.count > width else { return safe }
        scalars = String.UnicodeScalarView(scalars.prefix(width - 1))
        scalars.append(glyphs.ellipsis)
        return String(scalars)
    }
}
