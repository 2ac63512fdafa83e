import InterleaveTrace

/// Composes every view into one frame: the single entry point the driver calls per frame, for
/// a run and for the picker alike.
///
/// ```swift
/// let buffer = Screen.render(store: store, world: cursor.world, state: state,
///                            theme: .color, glyphs: .unicode, width: 120, height: 40)
/// backend.draw(buffer)
/// ```
public enum Screen {
    /// Renders the whole screen. `width` and `height` should match the state's (sent with
    /// `.resize`), so that clicks map to what is drawn; a replay passes `reachedEventCount`, the
    /// furthest event it has played (see `ViewContext`).
    public static func render(
        store: TraceStore, world: WorldState, state: AppState, theme: Theme, glyphs: Glyphs,
        width: Int, height: Int, keyMap: KeyMap? = nil, reachedEventCount: Int? = nil
    ) -> Buffer {
        let context = ViewContext(
            store: store, world: world, state: state, theme: theme, glyphs: glyphs, reachedEventCount: reachedEventCount)
        let keys = keyMap ?? KeyMap(glyphs: glyphs)
        if state.mode == .picker { return PickerView(context: context, keyMap: keys).render(width: width, height: height) }
        var buffer = Buffer(width: width, height: height)
        let layout = Layout(
            width: width, height: height, presentation: state.presentation,
            presentationFooter: state.showHelp, lanes: state.laneBudget)
        guard !layout.isTooSmall else {
            TooSmallView(context: context).draw(in: buffer.bounds, into: &buffer)
            return buffer
        }
        if state.deck != nil {
            PresentationHeaderView(context: context).draw(in: layout.header, into: &buffer)
        } else {
            HeaderView(context: context).draw(in: layout.header, into: &buffer)
        }
        TimelineView(context: context).draw(in: layout.timeline, into: &buffer)
        ResourcesView(context: context).draw(in: layout.resources, into: &buffer)
        if !layout.log.isEmpty { EventLogView(context: context).draw(in: layout.log, into: &buffer) }
        if !layout.output.isEmpty { OutputView(context: context).draw(in: layout.output, into: &buffer) }
        if !layout.code.isEmpty { CodeView(context: context).draw(in: layout.code, into: &buffer) }
        CaptionView(context: context).draw(in: layout.caption, into: &buffer)
        if !layout.footer.isEmpty { FooterView(context: context, keyMap: keys).draw(in: layout.footer, into: &buffer) }
        let middle = Rect(x: 0, y: 1, width: width, height: layout.caption.y - 1)
        if state.showDetail { TaskDetailView(context: context).draw(in: middle, into: &buffer) }
        if state.challenge?.hintOpen == true { ChallengeHintView(context: context).draw(in: middle, into: &buffer) }
        if state.challenge?.showingSuccess == true { ChallengeSolvedView(context: context).draw(in: middle, into: &buffer) }
        if state.prediction?.isHolding == true { PredictionOverlay(context: context).draw(in: middle, into: &buffer) }
        if state.showHelp { HelpOverlay(context: context, keyMap: keys).draw(in: middle, into: &buffer) }
        return buffer
    }

    /// Renders and hands the frame to a backend at its current size.
    public static func draw(
        store: TraceStore, world: WorldState, state: AppState, theme: Theme, glyphs: Glyphs,
        to backend: TerminalBackend, keyMap: KeyMap? = nil, reachedEventCount: Int? = nil
    ) {
        let size = backend.size
        backend.draw(render(
            store: store, world: world, state: state, theme: theme, glyphs: glyphs,
            width: size.width, height: size.height, keyMap: keyMap, reachedEventCount: reachedEventCount))
    }
}
