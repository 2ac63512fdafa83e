import Demos
import Interleave
import InterleaveApp
import InterleaveTerminal
import InterleaveUI

extension TUIApp {
    /// Opens a challenge's program live under a manual schedule, which stops at every choice
    /// for the learner to make; `p` goes to the picker, where the other challenges are.
    static func runChallenge(_ challenge: Challenge) throws {
        let options = try RunOptions.parse([])
        try withBackend { backend in
            let source = challengeSource(challenge, options: options, backend: backend)
            let catalogue = catalogue(options: options, backend: backend, highlighting: challenge.name)
            let session = TUISession(backend: backend, catalogue: catalogue, opening: source, presentation: false)
            if let info = catalogue.challenge(challenge.name) { session.begin(challenge: info) }
            session.onChallengeSolved = recordSolved
            endIfTerminated(session.run())
        }
    }

    /// The picker, with the first challenge highlighted: `interleave challenge` in a terminal.
    static func runChallengePicker() throws {
        let options = try RunOptions.parse([])
        try withBackend { backend in
            let catalogue = catalogue(options: options, backend: backend, highlighting: Challenges.all.first?.name)
            let session = TUISession(backend: backend, catalogue: catalogue, opening: nil, presentation: false)
            session.onChallengeSolved = recordSolved
            endIfTerminated(session.run())
        }
    }

    /// A challenge's run, scheduled by hand from its first choice.
    static func challengeSource(_ challenge: Challenge, options: RunOptions, backend: NCursesBackend) -> LiveSource {
        let demo = challenge.demo
        let run = options.workload.run(of: demo)
        // At 1×: the run waits at every choice anyway, and a slow pace only keeps the class
        // waiting for the next one.
        return LiveSource(
            policy: .manual(.fifo), speed: options.speed ?? 1, startPaused: false,
            stallDuration: .milliseconds(Int64(options.stall * 1000)),
            captionHold: DemoPace.captionHoldSeconds, program: run.start
        ) { policy in
            options.workload.run(of: demo, terminalSize: (backend.size.width, backend.size.height)).makeLoop(policy: policy)
        }
    }

    /// What the UI shows of a challenge: its words, the shortest win (explore's, found in
    /// milliseconds) and the player's best so far.
    static func challengeInfo(_ challenge: Challenge, progress: ChallengeProgress = .load()) -> ChallengeInfo {
        ChallengeInfo(
            name: challenge.name, title: challenge.demo.title, goal: challenge.goal, difficulty: challenge.difficulty.label,
            hints: challenge.hints, lesson: challenge.lesson, minimumChoices: challenge.solve()?.choices,
            bestChoices: progress.best(for: challenge.name))
    }

    /// Keeps a win in the progress file; a file that cannot be written costs the score, not the game.
    static func recordSolved(name: String, choices: Int) -> String? {
        var progress = ChallengeProgress.load()
        guard progress.recordSolved(name: name, choices: choices) else { return nil }
        do { try progress.save() } catch { return "\(error)" }
        return nil
    }
}
