import Foundation
import Testing

/// Answering by key in a real terminal: `--schedule manual` waits at a choice, a digit makes it,
/// and `b` takes it back; `--predict` asks which task runs next and a digit answers it. Every
/// step waits for the screen it expects, against a deadline.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct AnswerByKeyEndToEndTests {
    @Test func aDigitChoosesWhoTakesTheLockAndBTakesTheChoiceBack() throws {
        let run = try ShellRun("demo lock --schedule manual", width: 80, height: 24)
        let asked = try run.session.waitForScreen("the first choice, asked") {
            $0.contains("choice 1: which task runs next? press 1-2:") && $0.contains("CHOOSE")
        }
        // The offered lanes carry their digits.
        #expect(asked.contains("|1   corou") || asked.contains("│1   corou"))

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

    @Test func aDigitAnswersAPredictionAndTheScreenRevealsIt() throws {
        let run = try ShellRun("demo gather --predict", width: 80, height: 24)
        let asked = try run.session.waitForScreen("the first question") {
            $0.contains("Which task runs next?") && $0.contains("press 1-2")
        }
        // Stepping on before answering would show the answer: the screen asks for one first.
        try run.session.sendKeys("s")
        _ = try run.session.waitForScreen("a request to answer first") { $0.contains("answer first: press 1-2") }
        // gather starts task1 first, so asyncio's order runs it first: answer with its number.
        let option = try #require(asked.range(of: #"\d  task1"#, options: .regularExpression), "task1 is an option")
        let digit = String(asked[option].prefix(1))
        try run.session.sendKeys(digit)
        _ = try run.session.waitForScreen("the answer revealed and scored") {
            $0.contains("Right!") && $0.contains("Score: 1 of 1") && $0.contains("task1 was")
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
