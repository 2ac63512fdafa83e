/// The demo picker's part of the app state: the catalogue and which demo is highlighted.
///
/// Kept while a demo chosen here runs, so that leaving the demo shows the picker as it was.
/// ```swift
/// var picker = PickerState(entries: entries)
/// picker.move(by: 1)
/// picker.highlighted?.name   // the second demo
/// ```
public struct PickerState: Sendable, Equatable {
    /// One demo as the picker lists it.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var title: String
        public var summary: String
        /// A challenge's difficulty ("easy"), nil for a demo: challenges are listed after the
        /// demos, and always run under a manual schedule.
        public var challengeDifficulty: String?
        /// A challenge solved: the fewest choices it took (from the progress file, or this session).
        public var bestChoices: Int?
        public init(name: String, title: String, summary: String, challengeDifficulty: String? = nil, bestChoices: Int? = nil) {
            self.name = name
            self.title = title
            self.summary = summary
            self.challengeDifficulty = challengeDifficulty
            self.bestChoices = bestChoices
        }

        public var isChallenge: Bool { challengeDifficulty != nil }
    }

    public private(set) var entries: [Entry]
    /// The highlighted demo's index; 0 for an empty catalogue.
    public private(set) var selected: Int
    /// Demos opened from here stop at each choice for the user to make (`m` toggles it).
    public var manualSchedule = false

    /// `highlighting` names the demo to highlight first (the one a session started with), if any.
    public init(entries: [Entry], highlighting name: String? = nil) {
        self.entries = entries
        selected = name.flatMap { name in entries.firstIndex { $0.name == name } } ?? 0
    }

    public var highlighted: Entry? { entries.indices.contains(selected) ? entries[selected] : nil }

    /// Moves the highlight `delta` rows, stopping at the first and last demo.
    public mutating func move(by delta: Int) {
        guard !entries.isEmpty else { return }
        let (sum, overflow) = selected.addingReportingOverflow(delta)
        let target = overflow ? (delta < 0 ? 0 : entries.count - 1) : sum
        selected = min(max(0, target), entries.count - 1)
    }

    /// Notes a challenge solved in `choices`, keeping the best.
    public mutating func noteSolved(_ name: String, choices: Int) {
        guard let index = entries.firstIndex(where: { $0.name == name }) else { return }
        entries[index].bestChoices = min(entries[index].bestChoices ?? .max, choices)
    }

    public mutating func moveToFirst() { selected = 0 }
    public mutating func moveToLast() { selected = max(0, entries.count - 1) }

    /// One row of the list as drawn: a demo or challenge, or the heading of the challenges.
    public enum Row: Sendable, Equatable {
        case entry(Int)
        case challengesHeading
    }

    /// The list as drawn: the demos, then a heading and the challenges (when there are any).
    public var rows: [Row] {
        var rows: [Row] = entries.indices.map { .entry($0) }
        if let first = entries.firstIndex(where: \.isChallenge) { rows.insert(.challengesHeading, at: first) }
        return rows
    }

    /// The first row to show in a list `rows` tall: keeps the highlight near the middle, and
    /// the list's end at the bottom once scrolled there.
    public func firstVisible(rows visible: Int) -> Int {
        let all = rows
        let highlighted = all.firstIndex(of: .entry(selected)) ?? 0
        return max(0, min(highlighted - visible / 2, all.count - visible))
    }

    /// The entry drawn on row `row` of a list `visible` rows tall, if that row is one (not the
    /// heading, not past the end).
    public func entry(atRow row: Int, visible: Int) -> Int? {
        let all = rows
        let index = firstVisible(rows: visible) + row
        guard all.indices.contains(index), case .entry(let entry) = all[index] else { return nil }
        return entry
    }
}
