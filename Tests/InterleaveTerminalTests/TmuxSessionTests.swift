import Foundation
import Testing

/// The end-to-end harness itself, on trivial shell commands.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not on PATH: skipping the real-terminal tests"))
struct TmuxSessionTests {
    @Test func showsOutputTakesKeysAndReportsTheExitStatus() throws {
        let session = try TmuxSession(command: "printf hello; read line; echo \"got:$line\"; exit 3", width: 40, height: 5)
        try session.waitForScreen(containing: "hello")
        try session.type("abc")
        try session.sendKeys("Enter")
        try session.waitForScreen(containing: "got:abc")
        #expect(try session.waitForExit() == 3)
    }

    @Test func hasTheRequestedSizeAndResizes() throws {
        let session = try TmuxSession(command: "read line", width: 50, height: 7)
        #expect(try session.paneValue("pane_width") == "50")
        #expect(try session.paneValue("pane_height") == "7")
        try session.resize(width: 90, height: 20)
        #expect(try session.paneValue("pane_width") == "90")
        #expect(try session.paneValue("pane_height") == "20")
    }

    @Test func passesEnvironmentAndQuotesItsStatusPath() throws {
        let session = try TmuxSession(command: "printf \"[$GREETING]\"; sleep 0.1", environment: ["GREETING": "it's me"])
        try session.waitForScreen(containing: "[it's me]")
        #expect(try session.waitForExit() == 0)
    }

    @Test func aWaitThatTimesOutShowsTheScreen() throws {
        let session = try TmuxSession(command: "printf visible; read line", width: 30, height: 3)
        try session.waitForScreen(containing: "visible")
        #expect {
            try session.waitForScreen(containing: "never", timeout: .milliseconds(100))
        } throws: { error in
            "\(error)".contains("visible")
        }
    }

    @Test func theCommandsProgramsAreChildrenOfThePaneShell() throws {
        let session = try TmuxSession(command: "sleep 30; echo after")
        let shell = try session.paneValue("pane_pid")
        let found = try session.poll(timeout: .seconds(10)) { () -> Bool? in
            let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
            return children.split(separator: " ").isEmpty ? nil : true
        }
        #expect(found == true)
    }

    @Test func closingKillsTheServer() throws {
        let session = try TmuxSession(command: "read line")
        session.close()
        #expect(throws: TmuxSession.Failure.self) { try session.tmux(["has-session"]) }
    }
}
