import Foundation
import Interleave
import InterleaveTerminal
import InterleaveUI

/// One full-screen session: the UI thread's frame loop over a live run or a recording, and
/// the demo picker when the session has one (choosing there opens the demo's run in the same
/// session; leaving it comes back).
///
/// The loop runs on its own thread (`LiveRunner`); this thread reads the trace through a
/// cursor, renders about 30 frames a second when something changed, and turns the reducer's
/// effects into runner commands. It never waits on the loop thread, so a demo that blocks its
/// loop cannot freeze the screen.
public final class TUISession {
    /// How a session ended.
    public enum Outcome: Sendable, Equatable {
        case quit
        /// Esc or `p` in a session with no picker of its own.
        case backToPicker
        /// A termination signal (SIGINT, SIGTERM, SIGHUP) asked the program to end; the
        /// terminal is restored and the run wound down, and ending the process is the caller's.
        case terminated(signal: Int32)
    }

    static let frameMilliseconds = 33

    let backend: NCursesBackend
    let theme: Theme
    let glyphs: Glyphs
    let keyMap: KeyMap
    /// The same keys for a demo chosen in the picker, where `q` goes back to it.
    let pickedDemoKeyMap: KeyMap
    var state: AppState
    var live: LiveSource?
    var cursor: TraceCursor
    var player = ReplayPlayer()
    var recorder: TraceFileRecorder?
    /// The playlist being presented, if this session is a presentation.
    let presenter: PresentationDriver?
    /// The demos the picker offers, if this session has a picker.
    let catalogue: DemoCatalogue?
    var dirty = true
    var lastShownTime: Int64 = -1
    /// The furthest event a replay has shown: its axis covers that much, as the live run's did.
    var replayReached = 0
    /// The search `e` started, and what it found (see TUISession+Explore).
    var exploration: ExploreTicket?
    /// What reruns the recording being replayed, when it is a demo's (see `ReplayProgram`).
    var replayProgram: ReplayProgram?
    /// Keeps a challenge's score when its goal is reached (name, choices used); returns a
    /// one-line problem to show if the score could not be kept. Set by the caller.
    public var onChallengeSolved: ((String, Int) -> String?)?
    /// The keys by hand, for each way a run can be scheduled by hand (see `runKeyMap`).
    struct ByHandKeys: Hashable {
        var returnsToPicker: Bool
        var challenge: Bool
    }
    var byHandKeyMaps: [ByHandKeys: KeyMap] = [:]

    public convenience init(backend: NCursesBackend, live: LiveSource?, replay: TraceStore?, speed: Double, presentation: Bool) {
        self.init(backend: backend, live: live, replay: replay, speed: speed, presentation: presentation, presenter: nil)
    }

    /// A replay of a recording whose program can be rerun (a demo's), so that `e` can explore
    /// its other schedules from the step on screen.
    public convenience init(backend: NCursesBackend, replay: TraceStore, program: ReplayProgram, speed: Double) {
        self.init(backend: backend, live: nil, replay: replay, speed: speed, presentation: false, presenter: nil)
        replayProgram = program
        state.replayCanExplore = true
    }

    /// A session with the demo picker: it opens on `live` when given (`interleave demo NAME`),
    /// else on the picker.
    public convenience init(backend: NCursesBackend, catalogue: DemoCatalogue, opening live: LiveSource?, presentation: Bool) {
        self.init(
            backend: backend, live: live, replay: nil, speed: live?.speed ?? 1, presentation: presentation, presenter: nil,
            catalogue: catalogue)
    }

    init(
        backend: NCursesBackend, live: LiveSource?, replay: TraceStore?, speed: Double, presentation: Bool,
        presenter: PresentationDriver?, catalogue: DemoCatalogue? = nil
    ) {
        self.backend = backend
        glyphs = backend.supportsUnicode ? .unicode : .ascii
        theme = Theme.choose(color: backend.supportsColor, presentation: presentation)
        keyMap = presenter == nil ? KeyMap(glyphs: glyphs) : .presentation(glyphs: glyphs)
        pickedDemoKeyMap = KeyMap(glyphs: glyphs, quitReturnsToPicker: true)
        let size = backend.size
        if let catalogue, live == nil {
            state = AppState(picker: catalogue.picker, width: size.width, height: size.height, presentation: presentation)
        } else {
            state = AppState(replay: live == nil, width: size.width, height: size.height, speed: speed, presentation: presentation)
            state.picker = catalogue?.picker
        }
        self.live = live
        self.presenter = presenter
        self.catalogue = catalogue
        cursor = TraceCursor(store: live?.store ?? replay ?? TraceStore())
        if case .manual = live?.policy { state.manualSchedule = true }
        player.speed = speed
        player.resetClock(at: 0)
        // A failure found by `explore` opens where its schedule first leaves FIFO.
        if live == nil, ReplayOpening.atFirstDivergence(cursor: cursor, state: &state, player: &player) { dirty = true }
    }

    var store: TraceStore { cursor.store }

    /// Makes the opening run a challenge: its goal in the header, hints, the success screen.
    public func begin(challenge info: ChallengeInfo) {
        _ = state.reduce(.challengeOpened(info))
        dirty = true
    }

    /// The keys as the footer and help word them: a demo chosen in the picker says that `q`
    /// goes back there.
    var activeKeyMap: KeyMap {
        let base = runKeyMap
        guard let predictionKeyMap else { return base }
        // The question's keys first, and alone in the footer; the run's keys still reach the
        // reducer, which answers "answer first" to those that would move on past the question.
        let quiet = base.bindings.map { binding in
            var binding = binding
            binding.showInFooter = false
            return binding
        }
        return KeyMap(bindings: predictionKeyMap.bindings + quiet)
    }

    /// The keys of the run on screen: scheduling by hand (and a challenge) put theirs first.
    private var runKeyMap: KeyMap {
        guard presenter == nil, state.manualSchedule else { return state.returnsToPicker ? pickedDemoKeyMap : keyMap }
        // Made once per combination: the frame loop asks for the keys on every frame and key.
        let flags = ByHandKeys(returnsToPicker: state.returnsToPicker, challenge: state.challenge != nil)
        if let made = byHandKeyMaps[flags] { return made }
        let made = KeyMap(glyphs: glyphs, quitReturnsToPicker: flags.returnsToPicker, byHand: true, challenge: flags.challenge)
        byHandKeyMaps[flags] = made
        return made
    }

    /// Runs frames until the user quits, leaves for a picker the session does not have, or a
    /// signal asks the program to end.
    public func run() -> Outcome {
        if presenter != nil, state.deck == nil { _ = perform(.loadPresentationItem(index: 0, atEnd: false)) }
        while true {
            if let signal = TerminalSignals.takeTermination() {
                // The terminal first: winding the run down takes up to a second when the loop
                // thread is stuck in a blocking call.
                backend.restore()
                shutdown()
                return .terminated(signal: signal)
            }
            // Ctrl-Z and `fg` are handled inside `nextEvent`, which reports a resize on return.
            // Nothing moves on its own in the picker or in a paused run: wake less often.
            let idle = state.mode == .picker || (state.mode == .paused && live?.runner.isPaused != false)
            let timeout = idle ? 200 : Self.frameMilliseconds
            if let event = backend.nextEvent(timeoutMilliseconds: timeout) {
                dirty = true
                if let outcome = handle(event) {
                    if outcome == .quit { backend.restore() }
                    shutdown()
                    return outcome
                }
            }
            if let outcome = autoplayIfDue() {
                shutdown()
                return outcome
            }
            pollExploration()
            if state.mode != .picker { advanceView() }
            if dirty { drawFrame() }
        }
    }

    func drawFrame() {
        if live == nil { replayReached = max(replayReached, cursor.world.eventCount) }
        Screen.draw(store: store, world: displayWorld(), state: state, theme: theme, glyphs: glyphs,
                    to: backend, keyMap: activeKeyMap, reachedEventCount: live == nil ? replayReached : nil)
        dirty = false
    }

    private func handle(_ event: InputEvent) -> Outcome? {
        if case .resize(let width, let height) = event {
            _ = state.reduce(.resize(width: width, height: height))
            backend.invalidate()
            return nil
        }
        guard let action = activeKeyMap.action(for: event, mode: state.mode) else { return nil }
        for effect in state.reduce(action) {
            if let outcome = perform(effect) { return outcome }
        }
        return nil
    }

    /// Follows the live edge (or plays the recording) and tells the reducer what moved.
    private func advanceView() {
        var moved = false
        if let live {
            if state.rewoundTo == nil, live.rewoundTo == nil || cursor.world.eventCount < store.events.count {
                // Index and fold to the same event: the loop appends all the while, and an index
                // that ran ahead of the folded world would read as a view stepped back, which
                // stops following the run (a 100,000-task swarm froze at its first frame).
                let end = store.events.count
                cursor.indexAll(upTo: end)
                moved = cursor.seek(toEvent: end)
            }
            let now = live.loop.nowInNanoseconds
            if now != lastShownTime {
                lastShownTime = now
                dirty = true
            }
        } else {
            moved = player.tick(cursor, limit: playbackLimit)
            if moved { cursor.indexAll() }
            let shown = player.displayTime(cursor)
            if shown != lastShownTime {
                lastShownTime = shown
                dirty = true
            }
        }
        if moved {
            reportWorld()
            dirty = true
        }
        if let failed = recorder, let error = failed.error {
            _ = state.reduce(.toggleRecording)
            // Closes the file; its thread has already stopped at the error.
            try? failed.finish()
            state.status = .message(error)
            recorder = nil
        }
    }

    /// The world to draw: the cursor's, with the live clock when following a live run and the
    /// playback clock in a replay.
    private func displayWorld() -> WorldState {
        var world = cursor.world
        if let live {
            if state.rewoundTo == nil, world.eventCount == store.events.count {
                world.time = max(world.time, live.loop.nowInNanoseconds)
            }
        } else {
            world.time = player.displayTime(cursor)
        }
        return world
    }

    public func shutdown() {
        live?.retire()
        if let recorder { try? recorder.finish() }
        recorder = nil
    }

    /// Re-reads the world after the cursor moved under the driver's hand.
    func refreshFacts() {
        cursor.indexAll()
        clampToPendingQuestion()
        reportWorld()
        player.resetClock(at: cursor.world.time)
        dirty = true
    }

    /// Tells the reducer where the world is, and does what it asks (a presentation holds at a stop).
    private func reportWorld() {
        let facts = WorldFacts(store: store, world: cursor.world, latestStep: cursor.totalSteps)
        for effect in state.reduce(.worldChanged(facts)) { _ = perform(effect) }
    }
}
