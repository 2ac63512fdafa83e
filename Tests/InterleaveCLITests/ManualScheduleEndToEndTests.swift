import Foundation
import Testing

/// `--schedule manual` in a real terminal: the run waits at a choice, a digit makes it, and `b`
/// takes it back. Every step waits for the screen it expects, against a deadline.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct ManualScheduleEndToEndTests {
    @Test func aDigitChoosesWhoTakesTheLockAndBTakesTheChoiceBack() throws {
        let run = try ShellRun("demo lock --schedule manual", width: 80, height: 24)
        let asked = try run.session.waitForScreen("the first choice, asked") {
            $0.contains("choice 1: which task runs next? press 1-2:") && $0.contains("CHOOSE")
        }
        // The offered lanes carry their digits.
        #expect(asked.contains("| 1  corou") || asked.contains("│ 1  corou"))

        try run.session.sendKeys("2")
        _ = try run.session.waitForScreen("coroutine2 holding the lock it was chosen to take") {
            $0.contains("lock held by coroutine2") && $0.contains("1 choice")
        }

        try run.session.sendKeys("b")
        _ = try run.session.waitForScreen("the first choice asked again") {
            $0.contains("choice 1: which task runs next?") && $0.contains("0 choices")
        }
        try run.session.sendKeys("1")
        _ = try run.session.waitForScreen("coroutine1 holding the lock this time") {
            $0.contains("lock held by coroutine1") && $0.contains("1 choice")
        }
        try run.session.sendKeys("q")
        try run.expectTerminalGivenBack(status: 0)
    }

    @Test func aHeadlessRunRefusesAManualScheduleInOneLine() throws {
        let result = try CLIBinary.run(["demo", "lock", "--schedule", "manual", "--plain"])
        #expect(result.status != 0)
        #expect(result.err.contains("--schedule manual is chosen key by key in the full-screen UI"))
        #expect(result.err.split(separator: "\n").count == 1)
    }
}
