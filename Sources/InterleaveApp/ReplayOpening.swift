import InterleaveTrace
import InterleaveUI

/// Where `interleave replay` opens a trace whose schedule leaves FIFO order (a failure found
/// by `interleave explore`): paused at the first choice that differs, the choice made and the
/// chosen job not yet run, so that the caption says what differs and the step key shows it.
///
/// That moment is a step boundary (the `.preempted` event comes just before the job's start),
/// so stepping on, stepping back and resuming go on from it as from any paused step.
/// ```swift
/// ReplayOpening.atFirstDivergence(cursor: cursor, state: &state, player: &player)
/// ```
enum ReplayOpening {
    /// Moves `cursor` to the first divergence and pauses `state` and `player` there; returns
    /// false, changing nothing, for a trace that follows FIFO throughout.
    @discardableResult
    static func atFirstDivergence(cursor: TraceCursor, state: inout AppState, player: inout ReplayPlayer) -> Bool {
        guard state.isReplay, let divergence = cursor.store.firstDivergence() else { return false }
        cursor.indexAll()
        cursor.seek(toEvent: divergence.openingEventCount)
        state.mode = .paused
        player.playing = false
        player.resetClock(at: cursor.world.time)
        _ = state.reduce(.worldChanged(WorldFacts(store: cursor.store, world: cursor.world, latestStep: cursor.totalSteps)))
        return true
    }
}
