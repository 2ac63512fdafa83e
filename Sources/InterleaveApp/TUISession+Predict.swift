import InterleaveTrace
import InterleaveTerminal
import InterleaveUI

/// Predict mode in the driver: a complete trace played back with questions, playback held at
/// the next unanswered question, and the question's keys while one is on screen.
extension TUISession {
    /// A session that plays `store` (a demo run headless to its end) and asks the class to
    /// predict its steps (`interleave demo NAME --predict`).
    public convenience init(backend: NCursesBackend, predicting store: TraceStore, speed: Double) {
        self.init(backend: backend, live: nil, replay: store, speed: speed, presentation: false, presenter: nil)
        let session = PredictionSession(questions: PredictionPlanner.questions(in: store))
        _ = state.reduce(.predictionsLoaded(session))
    }

    /// The questions of a presented item that predicts, or nil; an item shown already at its
    /// end (the presenter went back to it) passes its questions unasked.
    static func predictions(for trace: TraceStore, predict: Bool, atEnd: Bool) -> PredictionSession? {
        guard predict else { return nil }
        return PredictionSession(
            questions: PredictionPlanner.questions(in: trace), passingBefore: atEnd ? trace.events.count : 0)
    }

    /// The question's keys while one is on screen: digits to answer, then space to go on.
    var predictionKeyMap: KeyMap? {
        guard let prediction = state.prediction, prediction.isHolding else { return nil }
        let revealed = prediction.phase != .asking
        return .predict(glyphs: glyphs, options: prediction.current?.options.count ?? 4, revealed: revealed)
    }

    /// Where playback must stop: a presentation's next stop or the next question, whichever
    /// comes first.
    var playbackLimit: Int? {
        let here = cursor.world.eventCount
        let limits = [state.deck?.nextStop(after: here), state.prediction?.pendingPosition].compactMap { $0 }
        return limits.min()
    }

    /// A seek or step may not pass the next question: the view lands on it instead, and asks.
    func clampToPendingQuestion() {
        guard let position = state.prediction?.pendingPosition, cursor.world.eventCount > position else { return }
        cursor.seek(toEvent: position)
    }
}
