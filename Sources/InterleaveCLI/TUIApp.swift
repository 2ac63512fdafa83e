import Demos
import Foundation
import Interleave
import InterleaveTerminal
import InterleaveApp
import InterleaveUI

/// Decides whether a full-screen UI can run here, before touching the terminal.
enum TerminalCheck {
    static func unusableReason() -> String? {
        TerminalEnvironment.current().fullScreenUnavailableReason()
    }
}

/// Entry points that open the full-screen UI: a demo, the picker, a recording.
enum TUIApp {
    /// The injections apply to `demo` only, not to one chosen afterwards in the picker.
    static func runDemo(_ demo: Demo, options: RunOptions, presentation: Bool = false, injecting injections: [InjectionSpec] = []) throws {
        try withBackend { backend in
            let first = liveSource(for: demo, options: options, backend: backend, injecting: injections)
            let catalogue = catalogue(options: options, backend: backend, highlighting: demo.name)
            endIfTerminated(TUISession(backend: backend, catalogue: catalogue, opening: first, presentation: presentation).run())
        }
    }

    static func runPicker(options: RunOptions) throws {
        try withBackend { backend in
            let catalogue = catalogue(options: options, backend: backend)
            endIfTerminated(TUISession(backend: backend, catalogue: catalogue, opening: nil, presentation: false).run())
        }
    }

    static func runReplay(_ store: TraceStore, speed: Double) throws {
        try withBackend { backend in
            let session = replayProgram(for: store).map { TUISession(backend: backend, replay: store, program: $0, speed: speed) }
                ?? TUISession(backend: backend, live: nil, replay: store, speed: speed, presentation: false)
            _ = endIfTerminated(session.run())
        }
    }

    /// Plays a demo's finished run, asking the class to predict its steps (`demo NAME --predict`).
    static func runPrediction(of store: TraceStore, speed: Double) throws {
        try withBackend { backend in
            endIfTerminated(TUISession(backend: backend, predicting: store, speed: speed).run())
        }
    }

    /// The demo a recording is a run of, as a program `e` can explore; nil for other traces.
    static func replayProgram(for store: TraceStore) -> ReplayProgram? {
        let header = store.header
        guard let demo = Catalogue.named(header.demoName) else { return nil }
        let options = DemoOptions(seed: header.seed)
        return ReplayProgram(header: header) { demo.start(on: $0, options: options) }
    }

    /// Every demo, then every challenge, for the session's picker; a demo chosen there runs
    /// with `options` (scheduled by hand when the picker's `m` says so), a challenge always by hand.
    static func catalogue(options: RunOptions, backend: NCursesBackend, highlighting name: String? = nil) -> DemoCatalogue {
        let demos = Catalogue.all.map { PickerState.Entry(name: $0.name, title: $0.title, summary: $0.summary) }
        let progress = ChallengeProgress.load()
        let challenges = Challenges.all.map {
            PickerState.Entry(
                name: $0.name, title: $0.goal, summary: $0.demo.title,
                challengeDifficulty: $0.difficulty.label, bestChoices: progress.best(for: $0.name))
        }
        return DemoCatalogue(
            entries: demos + challenges, highlighting: name,
            challenge: { name in Challenges.named(name).map { challengeInfo($0) } }
        ) { name, manual in
            if let challenge = Challenges.named(name) { return challengeSource(challenge, options: options, backend: backend) }
            var options = options
            if manual { options.workload.schedule = .manual }
            return Catalogue.all.first { $0.name == name }.map { liveSource(for: $0, options: options, backend: backend) }
        }
    }

    static func liveSource(
        for demo: Demo, options: RunOptions, backend: NCursesBackend, injecting injections: [InjectionSpec] = []
    ) -> LiveSource {
        let speed = options.speed(for: demo)
        // `e` reruns the demo alone, which faults scheduled by time would not be part of.
        let program = injections.isEmpty ? options.workload.run(of: demo).start : nil
        return LiveSource(
            policy: options.policy, speed: speed, startPaused: false, stallDuration: .milliseconds(Int64(options.stall * 1000)),
            captionHold: DemoPace.captionHoldSeconds, program: program
        ) { policy in
            // The header records the terminal as it is when this loop starts (a rewind makes a new one).
            options.workload.run(of: demo, terminalSize: (backend.size.width, backend.size.height))
                .makeLoop(policy: policy, scheduling: injections)
        }
    }

    /// Exits with the shell's 128 + signal when a signal ended the session (it has given the
    /// terminal back); otherwise passes the outcome on.
    @discardableResult
    static func endIfTerminated(_ outcome: TUISession.Outcome) -> TUISession.Outcome {
        if case .terminated(let signal) = outcome { Foundation.exit(128 + signal) }
        return outcome
    }

    /// Opens the terminal, runs `body`, and always gives the terminal back.
    static func withBackend(_ body: (NCursesBackend) throws -> Void) throws {
        let backend: NCursesBackend
        do { backend = try NCursesBackend() } catch { throw fail("\(error)") }
        defer { backend.restore() }
        try body(backend)
    }
}
