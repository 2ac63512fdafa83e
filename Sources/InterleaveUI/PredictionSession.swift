import InterleaveTrace

/// Where predict mode stands: the run's questions, which one comes next, whether it is being
/// asked or its answer shown, and the score so far.
///
/// A plain value the reducer moves through; the driver only makes it (from `PredictionPlanner`)
/// and stops playback at `pendingPosition`, so the answer is never on screen before the guess.
/// ```swift
/// var session = PredictionSession(questions: PredictionPlanner.questions(in: store))
/// session.arrive(at: session.pendingPosition!)   // true: asking
/// session.answer(2)                              // revealed; right or not, the score counts it
/// session.goOn()                                 // watching until the next question
/// ```
public struct PredictionSession: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        /// Playing towards the next question.
        case watching
        /// The question is on screen and the run holds until a digit answers it.
        case asking
        /// The answer is on screen; `chosen` is the option the class picked (0-based).
        case revealed(chosen: Int)
    }

    public let questions: [PredictionQuestion]
    /// The first question not yet answered (or passed); the view does not go beyond its position.
    public private(set) var nextIndex = 0
    public private(set) var phase: Phase = .watching
    public private(set) var right = 0
    public private(set) var asked = 0

    /// A session asking `questions`; those before `position` are passed unasked (an item shown
    /// already at its end, when a presenter goes back to it).
    public init(questions: [PredictionQuestion], passingBefore position: Int = 0) {
        self.questions = questions
        pass(before: position)
    }

    /// The position the view must not pass: the next question's, while one remains.
    public var pendingPosition: Int? { nextIndex < questions.count ? questions[nextIndex].position : nil }

    /// True while a question or its answer is on screen: the question's keys apply.
    public var isHolding: Bool { phase != .watching }

    /// The question on screen: being asked, or answered just now.
    public var current: PredictionQuestion? {
        switch phase {
        case .watching: nil
        case .asking: questions[nextIndex]
        case .revealed: questions[nextIndex - 1]
        }
    }

    /// The number of the question on screen among the run's (1-based).
    public var currentNumber: Int { phase == .asking ? nextIndex + 1 : nextIndex }

    /// Called when the view shows `eventCount` events: true when that is the next question's
    /// position and it is now being asked.
    public mutating func arrive(at eventCount: Int) -> Bool {
        if phase == .asking, pendingPosition != eventCount { phase = .watching }
        guard phase == .watching else { return false }
        pass(before: eventCount)
        guard pendingPosition == eventCount else { return false }
        phase = .asking
        return true
    }

    /// Answers the question being asked with option `number` (1-based); false when there is no
    /// question or no such option.
    @discardableResult
    public mutating func answer(_ number: Int) -> Bool {
        guard phase == .asking, let question = current, question.options.indices.contains(number - 1) else { return false }
        asked += 1
        if number - 1 == question.answer { right += 1 }
        nextIndex += 1
        phase = .revealed(chosen: number - 1)
        return true
    }

    /// Leaves the question (answered, or being asked when the view moves back) and plays on.
    public mutating func goOn() { phase = .watching }

    /// Every question again, the score at zero: the run plays again from its start.
    public mutating func restart() { self = PredictionSession(questions: questions) }

    /// True when the option picked on screen was the right one.
    public var revealedRight: Bool {
        guard case .revealed(let chosen) = phase, let question = current else { return false }
        return chosen == question.answer
    }

    /// "You predicted 4 of 6 right", once a question has been answered.
    public var scoreText: String? {
        asked > 0 ? "You predicted \(right) of \(asked) right" : nil
    }

    /// Questions the view has moved beyond without stopping count as passed, not asked.
    private mutating func pass(before eventCount: Int) {
        while nextIndex < questions.count, questions[nextIndex].position < eventCount { nextIndex += 1 }
    }
}
