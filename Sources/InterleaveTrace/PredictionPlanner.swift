/// Chooses the questions predict mode asks of a complete trace: a few, spread out, of the most
/// instructive kinds, so that a class is not asked at every step.
///
/// Nothing is written per demo: the candidates come from folding the trace (`PredictionCandidates`),
/// and every question's right option is what the trace then does.
/// ```swift
/// let questions = PredictionPlanner.questions(in: store)
/// questions.map(\.position)   // [7, 13, 40]: ask when the view shows that many events
/// ```
public enum PredictionPlanner {
    /// The most questions one run asks: a class stays with a demo for a few minutes.
    public static let maximumQuestions = 8
    /// Questions at least this many steps (jobs run) apart, so that the run is watched, not quizzed.
    public static let minimumStepGap = 2

    /// The questions to ask of `store`'s trace, in the order the view reaches them.
    public static func questions(
        in store: TraceStore, limit: Int = maximumQuestions, minimumStepGap: Int = minimumStepGap
    ) -> [PredictionQuestion] {
        choose(PredictionCandidates(store: store).all(), limit: limit, minimumStepGap: minimumStepGap)
    }

    /// Keeps the most instructive candidates (a failure before a wait before a print), earlier
    /// first among equals, each far enough from those already kept; returns them by position.
    static func choose(_ candidates: [PredictionCandidate], limit: Int, minimumStepGap: Int) -> [PredictionQuestion] {
        let ranked = candidates.sorted {
            ($0.question.kind.rawValue, -$0.question.position) > ($1.question.kind.rawValue, -$1.question.position)
        }
        var kept: [PredictionCandidate] = []
        for candidate in ranked where kept.count < limit {
            let clear = kept.allSatisfy {
                $0.question.position != candidate.question.position && abs($0.step - candidate.step) >= minimumStepGap
            }
            if clear { kept.append(candidate) }
        }
        return kept.map(\.question).sorted { $0.position < $1.position }
    }
}

/// A question the trace could ask, with the step its position falls in (for spacing).
struct PredictionCandidate: Sendable {
    var question: PredictionQuestion
    var step: Int
}
