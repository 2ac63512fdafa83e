import InterleaveTrace

/// The caption bar's words for a place where the schedule leaves FIFO.
///
/// ```swift
/// divergence.caption(in: store)
/// // "Here bob runs ahead of alice: the only choice that differs from FIFO"
/// divergence.caption(in: store, compact: true)
/// // "Here bob runs ahead of alice (2 of 3 choices unlike FIFO)"
/// ```
extension ScheduleDivergence {
    /// The sentence, in full or, when the bar is short of room, compact.
    public func caption(in store: TraceStore, compact: Bool = false) -> String {
        // The job passed over may be an actor's, which belongs to no task the trace names.
        let what = passedOver.isNone
            ? "Here \(store.taskName(chosen)) runs out of FIFO order"
            : "Here \(store.taskName(chosen)) runs ahead of \(store.taskName(passedOver))"
        guard let total else {
            return what + (compact ? " (unlike FIFO)" : ": a choice that differs from FIFO")
        }
        if total == 1 {
            return what + (compact ? " (the one choice unlike FIFO)" : ": the only choice that differs from FIFO")
        }
        return what + (compact
            ? " (\(ordinal) of \(total) choices unlike FIFO)"
            : ": the \(Self.ordinalWord(ordinal)) of \(total) choices that differ from FIFO")
    }

    /// "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st".
    static func ordinalWord(_ number: Int) -> String {
        let suffix: String
        switch (number % 10, number % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(number)\(suffix)"
    }
}
