/// What a key does in the demo picker; pure, so the picker's keys are tested without a terminal.
///
/// ```swift
/// PickerKeys.outcome(for: .end, selected: 0, count: 12)      // .select(11)
/// PickerKeys.outcome(for: .escape, selected: 3, count: 12)   // .quit
/// ```
public enum PickerKeys {
    public enum Outcome: Sendable, Equatable {
        /// Highlight the demo at this index.
        case select(Int)
        /// Run the demo at this index.
        case run(Int)
        case quit
    }

    /// The outcome of `key` with `selected` highlighted among `count` demos; nil for keys the
    /// picker ignores.
    public static func outcome(for key: Key, selected: Int, count: Int) -> Outcome? {
        guard count > 0 else { return key == .enter ? nil : quitOutcome(for: key) }
        let last = count - 1
        switch key {
        case .up, .character("k"): return .select(max(0, selected - 1))
        case .down, .character("j"): return .select(min(last, selected + 1))
        // The same keys as start and end of a run in a demo.
        case .home, .character("g"): return .select(0)
        case .end, .character("G"): return .select(last)
        case .enter: return .run(min(max(0, selected), last))
        default: return quitOutcome(for: key)
        }
    }

    private static func quitOutcome(for key: Key) -> Outcome? {
        switch key {
        case .character("q"), .escape, .control("c"): .quit
        default: nil
        }
    }
}
