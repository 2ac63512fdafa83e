/// The reducer's part of `e`: start a search from the viewed step, cancel it, show what it
/// found, and take the offer with Enter.
///
/// The search runs in the driver; the state only remembers which step it went on from, so that
/// a result the user no longer waits for (cancelled, the run restarted or left) is dropped.
extension AppState {
    /// `e`: explores from the step on screen (pausing there first), or cancels the search under way.
    mutating func explore() -> [Effect] {
        if exploringFrom != nil {
            exploringFrom = nil
            status = .message("explore cancelled")
            return [.cancelExplore]
        }
        // In a challenge the search would play the game for the player.
        guard challenge == nil else {
            status = .message("explore would solve it for you: i gives a hint instead")
            return []
        }
        // A recording has no program behind it to run other schedules of, unless it is a demo's.
        guard !isReplay || replayCanExplore else { status = .exploreNeedsProgram; return [] }
        exploringFrom = step
        status = .exploring(fromStep: step)
        return pausing([.explore(fromStep: step)])
    }

    /// The driver's search ended: the offer (or the news) replaces the "exploring" note.
    mutating func exploreFinished(_ result: ExploreResult) {
        guard let from = exploringFrom, result.fromStep == nil || result.fromStep == from else { return }
        exploringFrom = nil
        switch result {
        case .found(let failure, let schedules, let step):
            status = .exploreFound(failure: failure, schedules: schedules, fromStep: step)
        case .nothingFound(let schedules, let step):
            status = .exploreFoundNothing(schedules: schedules, fromStep: step)
        case .unavailable(let reason):
            status = .message(reason)
        }
    }

    /// Enter while the offer shows: the driver switches the run to the failing schedule, paused
    /// at the step it was found from. Nil when no offer shows (Enter keeps its usual meaning).
    mutating func takeExploreOffer() -> [Effect]? {
        guard mode != .picker, case .exploreFound = status else { return nil }
        status = nil
        showDetail = false
        return pausing([.followExploreOffer])
    }
}
