import Foundation
import Testing

/// The stall key blocks the loop for as long as `--stall` says.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct StallKeyTests {
    @Test func theStallKeyBlocksTheLoopForTheChosenTime() throws {
        let run = try ShellRun("demo lock --speed 2 --stall 0.75", width: 120, height: 40)
        try run.waitForUI(containing: "coroutine1")
        // Select the first task (main) and stall it: main next runs when gather returns.
        try run.session.sendKeys("j")
        try run.session.sendKeys("x")
        let screen = try run.session.waitForScreen(containing: "loop blocked 0.750s by main", timeout: .seconds(20))
        #expect(!screen.contains("loop blocked 2.000s"), "the default stall is 2 s; --stall chose 0.75 s")
        try run.session.sendKeys("q")
        try run.expectTerminalGivenBack(status: 0)
    }
}
