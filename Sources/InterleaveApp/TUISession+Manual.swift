import Interleave
import InterleaveTrace
import InterleaveUI

/// Scheduling by hand: the choices the user makes, undoing one, switching the schedule, and a
/// challenge's score.
extension TUISession {
    /// Runs the offered job at `index`; from a view moved back, the run first travels there
    /// (the choices after it are dropped), so the choice is made where the user sees it.
    func choose(_ index: Int) {
        guard let live else { return }
        resumeFromView()
        live.runner.choose(index)
        live.runner.resume()
    }

    /// Goes back to the last choice made before the viewed step, re-executed and paused there,
    /// so that it is asked again.
    func undoChoice() {
        guard let live else { return }
        let last = cursor.world.choicesMade - 1
        guard last >= 0, let step = store.stepOfChoice(last, before: cursor.world.eventCount) else { return }
        cursor.seek(toStep: step)
        live.rewind(to: step, events: cursor.world.eventCount, speed: state.speed)
        cursor = TraceCursor(store: live.store)
        cursor.catchUp()
        stopRecordingIfStoreChanged()
        refreshFacts()
    }

    /// Switches between choosing by hand and FIFO at the viewed step.
    func setManualSchedule(_ manual: Bool) {
        guard let live else { return }
        live.switchSchedule(manual: manual, from: cursor.world.step, events: cursor.world.eventCount, speed: state.speed)
        cursor = TraceCursor(store: live.store)
        cursor.catchUp()
        stopRecordingIfStoreChanged()
        refreshFacts()
    }

    /// Keeps a challenge's score (the caller's store of progress), saying so if it cannot.
    func challengeSolved(name: String, choices: Int) {
        if let problem = onChallengeSolved?(name, choices) { state.status = .message(problem) }
    }
}
