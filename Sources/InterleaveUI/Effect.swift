import InterleaveTrace

/// Work the reducer asks the driver to do: the UI never calls the runtime or the cursor itself.
///
/// Live mode and replay share every view because only the driver knows which one it runs.
/// ```swift
/// for effect in state.reduce(.injectFail) {
///     if case .inject(let fault, let task) = effect { runtime.inject(fault, into: task) }
/// }
/// ```
public enum Effect: Sendable, Equatable {
    /// Stop running jobs (live) or advancing (replay).
    case pause
    /// Run (live) or play (replay) from where the view is.
    case resume
    /// Show `count` more steps: from history if the view is behind, else by running jobs.
    case step(Int)
    /// Move the view back `count` steps.
    case stepBack(Int)
    /// Run until `task` records its next event, then pause.
    case runUntilTaskEvent(TaskID)
    /// Playback speed as a factor of virtual time to wall time (1 = real time).
    case setSpeed(Double)
    case inject(FaultKind, TaskID)
    /// Start the demo (or the replay) again from step 0.
    case restart
    case quit
    case toggleRecording
    case seek(toStep: Int)
    /// Move to the previous or next caption.
    case seekCaption(forward: Bool)
    /// Leave the run for the picker: the driver stops the run, or, in a session with no picker,
    /// ends the session.
    case backToPicker
    /// Start the demo of this name live, then report `.demoOpened`.
    case openDemo(String)
    /// Presentation: put playlist item `index` on screen, at its start or already at its end.
    case loadPresentationItem(index: Int, atEnd: Bool)
    /// Move the view to the world after `count` events (a presentation stop).
    case seekToEvent(Int)
    /// Search other schedules of the run's program for a failure, every one going on from the
    /// run so far up to `fromStep`, in the background; report `.exploreFinished`.
    case explore(fromStep: Int)
    /// Forget the search under way: its result is no longer wanted.
    case cancelExplore
    /// Switch the run to the failing schedule the last search found, paused at the step it
    /// went on from.
    case followExploreOffer
    /// Manual schedule: run the ready task at this index of the pending offer (from 0); from a
    /// view moved back, the run is first rewound to the viewed step.
    case choose(Int)
    /// Manual schedule: go back to the last choice made before the viewed step, to make it again.
    case undoChoice
    /// Schedule by hand from the viewed step on (true), or go on in FIFO order (false).
    case setManualSchedule(Bool)
    /// The challenge's goal was reached after this many choices: keep the score.
    case challengeSolved(name: String, choices: Int)
}
