import InterleaveTrace

/// Predict mode's part of the reducer: hold at each question, take a digit as the answer, show
/// the answer happening, go on.
///
/// While a question is asked nothing may move the view forward (the answer would be on screen
/// before the guess); moving back is allowed, and asks again on the way forward.
/// ```swift
/// state.reduce(.worldChanged(factsAtTheQuestion))   // [.pause]: asking
/// state.reduce(.predictAnswer(2))                   // [.seekToEvent(question.reveal)]
/// state.reduce(.predictContinue)                    // [.resume]
/// ```
extension AppState {
    /// Handles `action` while a question or its answer is on screen; nil lets the rest of the
    /// reducer have it.
    mutating func reduceWhilePredicting(_ action: Action) -> [Effect]? {
        guard var prediction, prediction.isHolding else { return nil }
        let asking = prediction.phase == .asking
        switch action {
        case .predictAnswer(let number), .presentDigit(let number):
            // In a presentation the digits that pick items answer instead while a question is up.
            return asking ? answerPrediction(number) : noteGoOn()
        case .predictContinue:
            return asking ? noteAnswerFirst() : continueAfterReveal()
        case .togglePause, .stepForward, .runUntilSelectedTaskEvent, .seekEnd, .nextCaption, .presentNext:
            guard asking else {
                // From an answer, the usual ways forward carry on as they would have.
                prediction.goOn()
                self.prediction = prediction
                return nil
            }
            return noteAnswerFirst()
        case .explore:
            return asking ? noteAnswerFirst() : nil
        case .backToPicker where !showHelp && !showDetail:
            // Esc closes help over a question; with nothing to close it must not end the run.
            return []
        case .stepBack, .seekStart, .previousCaption, .presentBack, .restart, .presentationItemLoaded:
            // Leaving the question backwards: it is asked again when the view comes back to it.
            prediction.goOn()
            self.prediction = prediction
            return nil
        default:
            return nil
        }
    }

    /// After the view moved: arriving at the next question holds there and asks it.
    mutating func askIfAtQuestion() -> [Effect] {
        guard var prediction else { return [] }
        let asks = prediction.arrive(at: eventCount)
        self.prediction = prediction
        guard asks else { return [] }
        showDetail = false
        guard mode != .paused else { return [] }
        mode = .paused
        return [.pause]
    }

    private mutating func answerPrediction(_ number: Int) -> [Effect] {
        guard var prediction, let question = prediction.current else { return [] }
        guard prediction.answer(number) else { return noteAnswerFirst() }
        self.prediction = prediction
        // Show the answer happening, but never beyond the next question.
        let reveal = min(question.reveal, prediction.pendingPosition ?? .max)
        return reveal > eventCount ? [.seekToEvent(reveal)] : []
    }

    private mutating func continueAfterReveal() -> [Effect] {
        prediction?.goOn()
        if let deck {
            // At an item's end the score stays up until the presenter goes on again.
            if deck.atItemEnd { return [] }
            return presentNext()
        }
        // Playing on at the end of the trace does nothing, and the caption shows the score.
        mode = runningMode
        rewoundTo = nil
        return [.resume]
    }

    private mutating func noteAnswerFirst() -> [Effect] {
        let count = prediction?.current?.options.count ?? 4
        status = .message("answer first: press 1-\(count)")
        return []
    }

    private mutating func noteGoOn() -> [Effect] {
        status = .message("press space to go on")
        return []
    }
}
