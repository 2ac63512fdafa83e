import InterleaveTrace

/// The choices a manually scheduled run made, read from its trace: at each, the tasks that
/// were ready (in the order the digit keys number them) and the one that ran.
///
/// A teacher's account of a challenge's solution, and a success screen's.
/// ```swift
/// ChoiceTranscript(store: store).choices.map(\.line)
/// // ["choice 1: ran alice (ready: alice, bob)", "choice 2: ran bob (ready: alice, bob)"]
/// ```
public struct ChoiceTranscript {
    /// One choice: its number (from 1), the tasks offered, the one run.
    public struct Choice: Equatable, Sendable {
        public var number: Int
        public var offered: [String]
        public var chosen: String

        /// "choice 3: ran bob (ready: alice, bob)".
        public var line: String {
            "choice \(number): ran \(chosen) (ready: \(offered.joined(separator: ", ")))"
        }
    }

    public let store: TraceStore

    public init(store: TraceStore) { self.store = store }

    /// Every choice made, in order (see `TraceStore.choicesMade`).
    public var choices: [Choice] {
        store.choicesMade(before: store.events.count).enumerated().map { number, made in
            Choice(
                number: number + 1, offered: made.offered.map { SafeText.escape(store.taskName($0)) },
                chosen: SafeText.escape(store.taskName(made.chosen)))
        }
    }
}
