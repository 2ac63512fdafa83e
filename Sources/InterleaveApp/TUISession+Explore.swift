import Interleave
import InterleaveTrace
import InterleaveUI

/// A search the session started with `e`: the run and the step it went on from, and, once it
/// found one, the failing schedule the offer stands for.
struct ExploreTicket {
    let search: ExploreSearch
    /// The run searched (nil for a replay); an offer is only good for that run.
    let source: LiveSource?
    /// The trace on screen when the search began: a replay's offer is only good for it.
    let store: TraceStore
    let step: Int
    /// Events the view had folded at `step`: where a run switched to the offer stands.
    let events: Int
    var offer: Schedule?
}

/// The driver's part of `e`: start a search in the background, report what it found, and
/// switch the run to the failing schedule when the user takes the offer.
extension TUISession {
    /// A search's budget: enough to find the demos' bugs many times over, short enough to wait for.
    static let exploreOptions = ExploreOptions(schedules: 2_000, timeLimit: .seconds(2), shrinkBudget: 500)

    func startExploring(from step: Int) {
        exploration = nil
        guard let live else { return startExploringReplay(from: step) }
        guard let program = live.program else {
            return finishExploring(.unavailable("explore can't rerun this run's program (it has faults from --inject)"))
        }
        // The explorer reruns the program alone: a fault the user injected would be missing
        // from every schedule it tries, and what it found would not be this run's future.
        guard LiveSource.faults(in: store, before: step, stall: live.stallDuration).isEmpty else {
            return finishExploring(.unavailable("explore needs a run without injected faults: press r to restart"))
        }
        // By hand, the run's choices so far are in its trace; a re-execution would stop at the first.
        var policy = live.policy
        if case .manual = policy { policy = .replay(Schedule(store.manualChoices(before: cursor.world.eventCount))) }
        let search = ExploreSearch()
        search.start(program: program, policy: policy, fromStep: step, options: Self.exploreOptions)
        exploration = ExploreTicket(search: search, source: live, store: store, step: step, events: cursor.world.eventCount)
    }

    /// `e` in a replay of a demo's recording: the same search, over the demo's program run
    /// with the recording's own policy.
    private func startExploringReplay(from step: Int) {
        guard let replayProgram else { return }
        guard LiveSource.faults(in: store, before: step, stall: .seconds(2)).isEmpty else {
            return finishExploring(.unavailable("explore can't rerun a recording with injected faults"))
        }
        let search = ExploreSearch()
        search.start(program: replayProgram.program, policy: replayProgram.policy, fromStep: step, options: Self.exploreOptions)
        exploration = ExploreTicket(search: search, source: nil, store: store, step: step, events: cursor.world.eventCount)
    }

    func cancelExploring() {
        exploration = nil
    }

    /// Called every frame: hands a finished search's report to the reducer.
    func pollExploration() {
        guard var ticket = exploration, ticket.offer == nil, let report = ticket.search.report else { return }
        exploration = nil
        // The run was restarted or left while the search ran: its answer is for a run now gone.
        guard ticket.source === live, ticket.store === store, state.exploringFrom == ticket.step else { return }
        guard let failure = report.failure, let schedule = report.schedule else {
            return finishExploring(.nothingFound(schedules: report.schedulesRun, fromStep: ticket.step))
        }
        // The schedule keeps the run's choices up to the step, so a failure by then is this run's own.
        if report.steps <= ticket.step {
            return finishExploring(.unavailable("this run already fails by step \(report.steps): \(failure)"))
        }
        ticket.offer = schedule
        exploration = ticket
        finishExploring(.found(failure: Self.offerText(failure), schedules: report.foundAt ?? report.schedulesRun, fromStep: ticket.step))
    }

    /// Enter on the offer: the run goes on with the failing schedule from the step it was found
    /// from, paused, so that stepping on shows the failure arrive.
    func followExploreOffer() {
        guard let ticket = exploration, let schedule = ticket.offer, ticket.source === live, ticket.store === store else { return }
        exploration = nil
        guard let live else { return followExploreOfferInReplay(ticket, schedule: schedule) }
        live.follow(.replay(schedule), from: ticket.step, events: ticket.events, speed: state.speed)
        cursor = TraceCursor(store: live.store)
        cursor.catchUp()
        stopRecordingIfStoreChanged()
        // The found schedule makes the choices from here: the run no longer asks for them.
        state.manualSchedule = false
        refreshFacts()
        state.status = .message("on the failing schedule at step \(ticket.step): press s to step through it")
    }

    /// Enter on a replay's offer: the failing schedule is run headless into a new recording,
    /// which replaces the one on screen at the same step, paused. If the rerun does not match
    /// the recording up to that step, the recording was made with options its header does not
    /// keep, and the offer is not true of it: that is said instead.
    private func followExploreOfferInReplay(_ ticket: ExploreTicket, schedule: Schedule) {
        guard let replayProgram else { return }
        let rerun = TraceStore(header: store.header)
        Explorer(options: Self.exploreOptions, program: replayProgram.program).replay(schedule, into: rerun)
        guard ReplayProgram.rerun(rerun, matches: store, throughEvent: ticket.events) else {
            state.status = .message("can't follow: rerunning the demo does not repeat this recording")
            return
        }
        cursor = TraceCursor(store: rerun)
        cursor.seek(toEvent: ticket.events)
        player.playing = false
        player.resetClock(at: cursor.world.time)
        replayReached = ticket.events
        refreshFacts()
        state.status = .message("on the failing schedule at step \(ticket.step): press s to step through it")
    }

    private func finishExploring(_ result: ExploreResult) {
        _ = state.reduce(.exploreFinished(result))
        dirty = true
    }

    /// The failure in the offer's few words: a deadlock names who is stuck, without the rest.
    static func offerText(_ failure: RunFailure) -> String {
        if case .deadlock(let tasks) = failure { return "deadlock: \(tasks.joined(separator: ", "))" }
        return "\(failure)"
    }
}
