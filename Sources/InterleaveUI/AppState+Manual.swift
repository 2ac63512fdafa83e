/// Scheduling by hand, and challenges: the choices the user makes where more than one task is
/// ready, the hints, and the goal reached.
extension AppState {
    /// True when the view stands at a choice the run waits for: a manual schedule, a pending
    /// offer, and the newest step (an offer in a view moved back is a choice made already, which
    /// choosing again changes).
    public var awaitingChoice: Bool { manualSchedule && !choiceOffer.isEmpty }

    /// A digit: run the task numbered so.
    mutating func chooseReady(_ number: Int) -> [Effect] {
        guard manualSchedule else {
            status = .message("the run schedules itself: m lets you choose which ready task runs")
            return []
        }
        guard !choiceOffer.isEmpty else {
            status = .message(ended ? "the run has ended; r restarts it" : "no choice now: only one task is ready")
            return []
        }
        guard number >= 1, number <= choiceOffer.count else {
            status = .message("press 1-\(choiceOffer.count) to choose a ready task")
            return []
        }
        if let challenge, challenge.solvedWith != nil { self.challenge?.showingSuccess = false }
        challenge?.hintOpen = false
        rewoundTo = nil
        // The chosen job runs and the run goes on to the next choice (the driver resumes it).
        mode = runningMode
        return [.choose(number - 1)]
    }

    /// Enter on a selected lane that is offered chooses it; nil when Enter means something else.
    mutating func chooseSelected() -> [Effect]? {
        guard awaitingChoice, let task = selected, let index = choiceOffer.firstIndex(of: task) else { return nil }
        return chooseReady(index + 1)
    }

    /// `b` under a manual schedule: back to the last choice, to make it again.
    mutating func undoChoice() -> [Effect] {
        guard choicesMade > 0 else { status = .message("no choice made yet to undo"); return [] }
        if challenge?.solvedWith != nil { challenge?.solvedWith = nil; challenge?.showingSuccess = false }
        status = .message("undone: make choice \(choicesMade) again")
        return pausing([.undoChoice])
    }

    mutating func toggleManualSchedule() -> [Effect] {
        guard !isReplay else { status = .needsRuntime; return [] }
        guard challenge == nil else {
            status = .message("a challenge is scheduled by hand: that is the game")
            return []
        }
        manualSchedule.toggle()
        status = .message(manualSchedule
            ? "manual schedule: at each choice, press the number of the task to run"
            : "FIFO schedule: ready tasks run in the order they became ready")
        return [.setManualSchedule(manualSchedule)]
    }

    mutating func showHint() -> [Effect] {
        guard let challenge else { status = .message("hints belong to challenges: `interleave challenge`"); return [] }
        guard !challenge.info.hints.isEmpty else { status = .message("this challenge has no hints"); return [] }
        guard challenge.hintsShown < challenge.info.hints.count else {
            // The last one again, for whoever closed it too soon.
            self.challenge?.hintOpen = true
            status = .message("that was the last hint")
            return []
        }
        self.challenge?.hintsShown += 1
        self.challenge?.hintOpen = true
        return []
    }

    mutating func challengeOpened(_ info: ChallengeInfo) {
        challenge = ChallengeState(info: info)
        manualSchedule = true
    }

    /// After the world moved: the goal is reached when the run has failed (a failed check or a
    /// deadlock) at the step shown; the success screen opens once, and the score is kept.
    mutating func noteChallengeProgress(_ facts: WorldFacts) -> [Effect] {
        guard let challenge else { return [] }
        guard let used = facts.choicesAtFailure else {
            // Stepped back before the goal: it is not reached in the world shown.
            if challenge.solvedWith != nil { self.challenge?.solvedWith = nil; self.challenge?.showingSuccess = false }
            return []
        }
        guard challenge.solvedWith == nil else { return [] }
        self.challenge?.solvedWith = used
        self.challenge?.showingSuccess = true
        // Solved in history already seen (stepping forward again) is not a new score.
        guard facts.step >= facts.latestStep else { return [] }
        picker?.noteSolved(challenge.info.name, choices: used)
        return pausing([.challengeSolved(name: challenge.info.name, choices: used)])
    }
}
