import InterleaveTrace
import InterleaveUI

/// The picker side of a session: starting the demo chosen there, and going back to it.
extension TUISession {
    /// Starts the demo the reducer asked for and switches the state to its run.
    func openDemo(named name: String) {
        let manual = state.picker?.manualSchedule ?? false
        guard let catalogue, let source = catalogue.open(name, manual) else { return }
        live = source
        cursor = TraceCursor(store: source.store)
        player = ReplayPlayer()
        player.speed = source.speed
        player.resetClock(at: 0)
        replayReached = 0
        lastShownTime = -1
        _ = state.reduce(.demoOpened(speed: source.speed))
        if let info = catalogue.challenge(name) { _ = state.reduce(.challengeOpened(info)) }
    }

    /// Ends the run the reducer left for the picker; the session goes on showing the picker.
    /// Without a catalogue there is no picker here, and the session ends as it always did.
    func closeRunForPicker() -> Outcome? {
        guard catalogue != nil, state.mode == .picker else { return .backToPicker }
        // The picker first: winding the run down takes up to a second when its loop thread is
        // stuck in a blocking call, and the key should answer at once.
        drawFrame()
        shutdown()
        live = nil
        cursor = TraceCursor(store: TraceStore())
        return nil
    }
}
