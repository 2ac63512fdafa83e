import ArgumentParser
import Demos
import Foundation
import Interleave
import InterleaveApp
import InterleaveUI

/// `interleave challenge [NAME]`: a goal to reach by choosing, at each moment where several
/// tasks are ready, which one runs; the list of challenges; hints; a shortest solution.
struct ChallengeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "challenge",
        abstract: "Schedule a program by hand until it breaks.",
        discussion: """
            Examples:
              interleave challenge --list                       every challenge, and your best
              interleave challenge overdraw                     play one, full screen
              interleave challenge overdraw --hint              its hints
              interleave challenge overdraw --solution --plain  a shortest win, as text
            """
    )

    @Argument(help: "The challenge's name (see `interleave challenge --list`).")
    var name: String?

    @Flag(help: "List the challenges, with a difficulty and your best score.")
    var list = false

    @Flag(help: "Print the challenge's hints, gentlest first.")
    var hint = false

    @Flag(help: "Play a shortest winning schedule and print it (for teachers).")
    var solution = false

    @Flag(help: "With --solution: plain text (the only form it has for now).")
    var plain = false

    func validate() throws {
        if name == nil, hint || solution { throw ValidationError("--hint and --solution need a challenge's name") }
    }

    func run() throws {
        guard let name, !list else {
            // In a terminal, no name opens the picker at the challenges.
            if !list, TerminalCheck.unusableReason() == nil { return try TUIApp.runChallengePicker() }
            for line in Self.listLines(progress: ChallengeProgress.load(), width: ListCommand.width) { print(line) }
            return
        }
        guard let challenge = Challenges.named(name) else { throw fail(UnknownName.challenge(name)) }
        if hint {
            for (index, text) in challenge.hints.enumerated() {
                let lines = TextWrap.lines(text, width: ListCommand.width - 8)
                for (row, line) in lines.enumerated() { print((row == 0 ? "hint \(index + 1): " : "        ") + line) }
            }
            return
        }
        if solution {
            print(try Self.solutionText(challenge), terminator: "")
            return
        }
        if let reason = TerminalCheck.unusableReason() {
            FileHandle.standardError.write(Data("interleave: \(reason); showing the goal instead\n".utf8))
            print("\(challenge.name) (\(challenge.difficulty.label)): \(challenge.goal)")
            print("play it in a terminal: interleave challenge \(challenge.name)")
            print("hints: interleave challenge \(challenge.name) --hint")
            return
        }
        try TUIApp.runChallenge(challenge)
    }

    /// One line per challenge (its goal wrapped under itself): a ✓ and the best score for
    /// those solved, then how to play.
    static func listLines(progress: ChallengeProgress, width: Int) -> [String] {
        let nameWidth = Challenges.all.map(\.name.count).max() ?? 8
        let labelWidth = Challenge.Difficulty.allCases.map(\.label.count).max() ?? 6
        let indent = String(repeating: " ", count: 2 + nameWidth + 2 + labelWidth + 2)
        var lines = Challenges.all.flatMap { challenge in
            let mark = progress.best(for: challenge.name).map { "✓ " + "best \($0) choice\($0 == 1 ? "" : "s")" }
            let goal = challenge.goal + (mark.map { "  " + $0 } ?? "")
            let head = (progress.isSolved(challenge.name) ? "✓ " : "  ")
                + challenge.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                + challenge.difficulty.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  "
            let wrapped = TextWrap.lines(goal, width: max(20, width - indent.count))
            return wrapped.enumerated().map { index, line in (index == 0 ? head : indent) + line }
        }
        let solved = Challenges.all.filter { progress.isSolved($0.name) }.count
        lines.append("")
        lines.append("\(solved) of \(Challenges.all.count) solved. Play one: interleave challenge NAME (--hint for hints)")
        return lines
    }

    /// The demo's plain report of a shortest win, the choices made, the goal reached, and last
    /// `solved in N choices`.
    static func solutionText(_ challenge: Challenge) throws -> String {
        guard let solution = challenge.solve() else { throw fail("no winning schedule found for \(challenge.name)") }
        let run = HeadlessRun(policy: .fifo) { challenge.demo.start(on: $0, options: DemoOptions()) }
        let store = run.runManually(solution.schedule).store
        var text = PlainReport(store: store).render()
        text += "\n" + wrapped("\(challenge.name) (\(challenge.difficulty.label)): \(challenge.goal)")
        for choice in ChoiceTranscript(store: store).choices.prefix(solution.choices) {
            text += "  \(choice.line)\n"
        }
        text += wrapped("goal reached: \(SafeText.escape(solution.failure.description))")
        text += "solved in \(solution.choices) choice\(solution.choices == 1 ? "" : "s")\n"
        return text
    }
}

/// `text` wrapped at the CLI's width, continuation lines indented, ending with a newline.
private func wrapped(_ text: String) -> String {
    TextWrap.lines(text, width: ListCommand.width - 4).enumerated()
        .map { index, line in (index == 0 ? "" : "    ") + line + "\n" }.joined()
}

extension UnknownName {
    static func challenge(_ name: String) -> String {
        message("challenge", name, among: Challenges.all.map(\.name), otherwise: "run `interleave challenge --list` to see them")
    }
}
