/// A question predict mode asks the class before a step whose outcome is not obvious, drawn from
/// a complete trace: the right option is what the run does next, and the other options are
/// real alternatives from the same run (tasks that were ready, lines that were printed).
///
/// ```swift
/// let question = PredictionPlanner.questions(in: store)[0]
/// question.prompt                      // "Which task runs next?"
/// question.options                     // ["task2", "task1"]
/// question.options[question.answer]    // "task1": what the trace does after `position` events
/// ```
public struct PredictionQuestion: Sendable, Equatable {
    /// What the question is about, from the most instructive kind down: the planner prefers
    /// the higher ones when two would be asked too close together.
    public enum Kind: Int, Sendable, Equatable, CaseIterable {
        /// A task is about to print: which line?
        case output = 0
        /// Two or more tasks are ready: which one does the loop run?
        case nextTask = 1
        /// Two or more tasks sleep: whose sleep ends first?
        case wakeUp = 2
        /// A resource has two or more waiters: which one is served?
        case resource = 3
        /// A task is about to fail, or a check is about to break: which task?
        case failure = 4
    }

    /// The view after this many events asks the question; the event at this index (or, for a
    /// failure, the job that starts there) is the answer.
    public var position: Int
    public var kind: Kind
    /// One line: "Which task runs next?". Task and resource names in it come from the trace
    /// (untrusted: views escape them).
    public var prompt: String
    /// Two to four alternatives, one of them right, in a shuffled but deterministic order.
    public var options: [String]
    /// The index of the right option.
    public var answer: Int
    /// Why the right option is right, in a sentence for the reveal.
    public var explanation: String
    /// The view that shows the answer happening: the event that answers it included (for a
    /// failure, the end of the job), so the reveal steps there.
    public var reveal: Int

    public init(
        position: Int, kind: Kind, prompt: String, options: [String], answer: Int, explanation: String, reveal: Int? = nil
    ) {
        self.position = position
        self.reveal = reveal ?? position + 1
        self.kind = kind
        self.prompt = prompt
        self.options = options
        self.answer = answer
        self.explanation = explanation
    }

    /// The right option's text.
    public var answerText: String { options.indices.contains(answer) ? options[answer] : "" }

    /// A question whose options are `right` and `others` (at most three of them), shuffled with
    /// a generator seeded from the position, so that the answer is not always option 1 and a
    /// rerun of the same trace asks the same way.
    static func shuffled(
        position: Int, kind: Kind, prompt: String, right: String, others: [String], explanation: String, reveal: Int
    ) -> PredictionQuestion? {
        var distinct: [String] = []
        for other in others where other != right && !distinct.contains(other) && distinct.count < 3 { distinct.append(other) }
        guard !distinct.isEmpty else { return nil }
        var options = [right] + distinct
        var generator = SeededGenerator(seed: 0x5EED_0F_9E55 ^ UInt64(truncatingIfNeeded: position))
        options.shuffle(using: &generator)
        let answer = options.firstIndex(of: right) ?? 0
        return PredictionQuestion(
            position: position, kind: kind, prompt: prompt, options: options, answer: answer, explanation: explanation,
            reveal: reveal)
    }
}
