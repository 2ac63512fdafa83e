import InterleaveTrace
import InterleaveUI
import Testing

/// The picker's Challenges section: a heading after the demos, the challenges with their
/// difficulty, a tick on those solved, and clicks that map past the heading.
@Suite struct PickerChallengesTests {
    static let entries = [
        PickerState.Entry(name: "gather", title: "Running tasks together", summary: "s"),
        PickerState.Entry(name: "race", title: "A race", summary: "s"),
        PickerState.Entry(name: "overdraw", title: "Overdraw the account", summary: "Two withdrawals", challengeDifficulty: "easy"),
        PickerState.Entry(
            name: "crossed", title: "Deadlock the two transfers", summary: "Transfers", challengeDifficulty: "medium",
            bestChoices: 3),
    ]

    @Test func theChallengesComeUnderAHeadingOfTheirOwn() {
        let picker = PickerState(entries: Self.entries)
        #expect(picker.rows == [.entry(0), .entry(1), .challengesHeading, .entry(2), .entry(3)])
        #expect(PickerState(entries: Array(Self.entries.prefix(2))).rows == [.entry(0), .entry(1)])
    }

    @Test func theListShowsTheHeadingTheDifficultyAndTheTick() {
        var state = AppState(picker: PickerState(entries: Self.entries, highlighting: "crossed"), width: 80, height: 24)
        let screen = Screen.render(
            store: TraceStore(), world: WorldState(), state: state, theme: .monochrome, glyphs: .ascii, width: 80, height: 24
        ).text()
        let lines = screen.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("-- Challenges: schedule by hand until it breaks --") })
        #expect(lines.contains { $0.contains("overdraw") && $0.contains("easy") && $0.contains("Overdraw the account") })
        #expect(lines.contains { $0.contains("crossed") && $0.contains("medium *") })
        #expect(screen.contains("Transfers (solved: best 3 choices)"))
        #expect(screen.contains("pick a demo or a challenge"))
        _ = state.reduce(.toggleManualSchedule)
        #expect(Screen.render(
            store: TraceStore(), world: WorldState(), state: state, theme: .monochrome, glyphs: .ascii, width: 80, height: 24
        ).text().contains("schedule: yours (m)"))
    }

    @Test func aClickOnTheHeadingChoosesNothingAndBelowItTheRowShown() {
        var state = AppState(picker: PickerState(entries: Self.entries), width: 80, height: 24)
        // Rows start at y 2: gather, race, the heading, overdraw.
        _ = state.reduce(.click(x: 5, y: 4))
        #expect(state.picker?.highlighted?.name == "gather")
        _ = state.reduce(.click(x: 5, y: 5))
        #expect(state.picker?.highlighted?.name == "overdraw")
    }

    @Test func aWinInTheSessionTicksItsRowKeepingTheBest() {
        var picker = PickerState(entries: Self.entries)
        picker.noteSolved("overdraw", choices: 4)
        picker.noteSolved("overdraw", choices: 2)
        picker.noteSolved("crossed", choices: 5)
        #expect(picker.entries[2].bestChoices == 2)
        #expect(picker.entries[3].bestChoices == 3)
    }
}
