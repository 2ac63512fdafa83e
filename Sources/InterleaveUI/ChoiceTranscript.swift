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

    /// Every choice made, in order: an offer (`.choiceOffered` events) followed by the job
    /// that ran (`.taskResumed`).
    public var choices: [Choice] {
        var result: [Choice] = []
        var offered: [String] = []
        var number = -1
        for event in store.events.snapshot() {
            switch event.kind {
            case .choiceOffered:
                if Int(event.arg) != number {
                    number = Int(event.arg)
                    offered = []
                }
                offered.append(SafeText.escape(store.taskName(event.task)))
            case .taskResumed where !offered.isEmpty:
                result.append(Choice(number: number + 1, offered: offered, chosen: SafeText.escape(store.taskName(event.task))))
                offered = []
            default:
                break
            }
        }
        return result
    }
}
