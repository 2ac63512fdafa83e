/// What a search started by `e` came back with, as the driver reports it to the reducer.
///
/// Only words and counts: the failing schedule itself stays with the driver, which is the one
/// that can run it (the UI never imports the runtime).
/// ```swift
/// state.reduce(.exploreFinished(.found(failure: "overdraft: balance -60", schedules: 3, fromStep: 4)))
/// state.status   // .exploreFound(…): Enter steps through it
/// ```
public enum ExploreResult: Sendable, Equatable {
    /// A schedule that goes on from step `fromStep` and fails; found after `schedules` schedules.
    case found(failure: String, schedules: Int, fromStep: Int)
    /// Every schedule tried from `fromStep` passed.
    case nothingFound(schedules: Int, fromStep: Int)
    /// The run cannot be explored faithfully, or the search cannot start; says why in one line.
    case unavailable(String)

    /// The step the search went on from, when it ran.
    var fromStep: Int? {
        switch self {
        case .found(_, _, let step), .nothingFound(_, let step): step
        case .unavailable: nil
        }
    }
}
