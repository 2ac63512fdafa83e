import Interleave

/// A level to beat by scheduling by hand, in the spirit of the Deadlock Empire: a small
/// program whose default (FIFO) run is fine, and a goal that some other order of its ready
/// tasks reaches.
///
/// The goal is reached exactly when the run fails: the program states, with `check` or
/// `invariant`, the safety property the goal breaks (or the goal is a deadlock), and nothing
/// else in it can fail in any schedule. So the runtime, not the UI, judges a win, and
/// `explore` can find the shortest one (`solve()`).
/// ```swift
/// let challenge = Challenges.named("lost-increment")!
/// challenge.goal                 // "Make the unlocked counter end at 1"
/// challenge.solve()?.choices     // 2
/// ```
public struct Challenge: Sendable {
    /// How hard a challenge is, for ordering the list and for the learner's expectations.
    public enum Difficulty: Int, Sendable, Comparable, CaseIterable {
        case easy, medium, hard

        public var label: String {
            switch self {
            case .easy: "easy"
            case .medium: "medium"
            case .hard: "hard"
            }
        }

        public static func < (a: Difficulty, b: Difficulty) -> Bool { a.rawValue < b.rawValue }
    }

    /// The program, with its source for the code pane (`#filePath`, `#fileID`).
    public let demo: Demo
    /// What to make happen, one imperative line ("Overdraw the account").
    public let goal: String
    public let difficulty: Difficulty
    /// From a gentle nudge to nearly the answer.
    public let hints: [String]
    /// What the bug teaches, once the goal is reached.
    public let lesson: String

    /// The CLI name (`interleave challenge overdraw`): the demo's.
    public var name: String { demo.name }

    public init(demo: Demo, goal: String, difficulty: Difficulty, hints: [String], lesson: String) {
        self.demo = demo
        self.goal = goal
        self.difficulty = difficulty
        self.hints = hints
        self.lesson = lesson
    }
}

/// Every challenge, easiest first.
///
/// Their demos are not in `Catalogue.all`: a challenge's program is a puzzle, not a lesson to
/// watch, and its names never collide with the demos'.
public enum Challenges {
    public static let all: [Challenge] = [
        lostIncrement, overdraw, fetchTwice, fittingRoom,
        crossedTransfers, timeoutInLock, missedNotify, stuckConsumer, orphanedUpload,
        threeWayDeadlock, fiveLeftForks,
    ]

    /// The challenge with this CLI name.
    public static func named(_ name: String) -> Challenge? { all.first { $0.name == name } }
}

/// State the tasks of a challenge share.
///
/// `@unchecked Sendable`: every task runs on the loop's single thread, so the memory is safe;
/// the logic is not, and that is the puzzle.
final class Shared<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
