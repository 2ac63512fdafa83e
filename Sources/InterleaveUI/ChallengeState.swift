/// A challenge as the UI shows it: the goal, the hints, what it teaches, and the fewest choices
/// that reach it. The driver fills it in from the challenge catalogue (the UI does not know the
/// demos), so every field is plain text.
///
/// ```swift
/// let info = ChallengeInfo(name: "lost-increment", title: "Lost increment",
///                          goal: "Make the unlocked counter end at 1", difficulty: "easy",
///                          hints: ["Both read before either writes"], lesson: "…", minimumChoices: 2)
/// ```
public struct ChallengeInfo: Sendable, Equatable {
    public var name: String
    public var title: String
    public var goal: String
    public var difficulty: String
    public var hints: [String]
    /// What the bug teaches, shown once the goal is reached.
    public var lesson: String
    /// The choices a shortest winning schedule makes (explore's shrinker), if known.
    public var minimumChoices: Int?
    /// The fewest choices this player has solved it in before, if ever.
    public var bestChoices: Int?

    public init(
        name: String, title: String, goal: String, difficulty: String, hints: [String], lesson: String,
        minimumChoices: Int? = nil, bestChoices: Int? = nil
    ) {
        self.name = name
        self.title = title
        self.goal = goal
        self.difficulty = difficulty
        self.hints = hints
        self.lesson = lesson
        self.minimumChoices = minimumChoices
        self.bestChoices = bestChoices
    }
}

/// A challenge being played: its description, the hints asked for, and whether it is solved.
///
/// Solved is a fact of the run the screen shows: the goal is reached when the run fails (a
/// failed check or a deadlock), after as many choices as the world counted by then.
public struct ChallengeState: Sendable, Equatable {
    public var info: ChallengeInfo
    /// How many hints have been shown (`i` shows the next).
    public var hintsShown = 0
    /// The latest hint's box is on screen (Esc or the next choice closes it).
    public var hintOpen = false
    /// The choices made when the goal was reached, once it is.
    public var solvedWith: Int?
    /// The success screen is open (Esc closes it; the run stays solved).
    public var showingSuccess = false

    public init(info: ChallengeInfo) { self.info = info }

    /// The hint on screen, if any: the latest asked for.
    public var currentHint: String? {
        guard hintsShown > 0, !info.hints.isEmpty else { return nil }
        return info.hints[min(hintsShown, info.hints.count) - 1]
    }

    /// "in 5 choices (the shortest takes 3)", for the success screen and the caption.
    public var scoreText: String? {
        guard let used = solvedWith else { return nil }
        let words = "in \(used) choice\(used == 1 ? "" : "s")"
        guard let minimum = info.minimumChoices else { return words }
        if used <= minimum { return words + ": the shortest way there" }
        return words + " (the shortest takes \(minimum))"
    }
}
