import Demos
import Foundation
import Testing

/// `interleave` with no arguments in a real terminal: the picker and the demos chosen there
/// are one session, so `q` in a demo comes back to the picker and `q` there quits.
///
/// Every step waits for the screen it expects, against a deadline; nothing sleeps.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct PickerEndToEndTests {
    static let pickerTitle = "pick a demo"

    /// The name of the demo the picker highlights: its row has the marker in column 1.
    static func highlightedDemo(_ screen: String) -> String? {
        let names = Set(Catalogue.all.map(\.name))
        for line in screen.split(separator: "\n") where line.count > 3 && line.dropFirst().first != " " {
            let name = line.dropFirst(3).prefix { $0 != " " }
            if names.contains(String(name)) { return String(name) }
        }
        return nil
    }

    private func waitInPicker(_ run: ShellRun, highlighting name: String) throws -> String {
        try run.session.waitForScreen("the picker with \(name) highlighted") {
            $0.contains(Self.pickerTitle) && $0.contains("q quit") && Self.highlightedDemo($0) == name
        }
    }

    @Test func pickerToDemoBackToPickerThenQuit() throws {
        let run = try ShellRun("", width: 80, height: 24)
        let second = Catalogue.all[1]
        _ = try waitInPicker(run, highlighting: try #require(Catalogue.all.first?.name))
        try run.session.sendKeys("j")
        _ = try waitInPicker(run, highlighting: second.name)

        try run.session.sendKeys("Enter")
        let demo = try run.session.waitForScreen("\(second.name) running, with q going back") {
            $0.contains("Timeline") && $0.contains("interleave: \(second.name)") && $0.contains("q back")
        }
        #expect(!demo.contains(Self.pickerTitle))

        try run.session.sendKeys("q")
        _ = try waitInPicker(run, highlighting: second.name)

        // The picker follows the terminal's size like a run does.
        try run.session.resize(width: 120, height: 40)
        let large = try run.session.waitForScreen("the picker's footer on row 40") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 40 && lines[39].contains("q quit") && screen.contains(second.summary)
        }
        #expect(Self.highlightedDemo(large) == second.name)

        try run.session.sendKeys("q")
        try run.expectTerminalGivenBack(status: 0)
    }

    /// Ctrl-C is SIGINT (the tty keeps ISIG on); sent to the program alone, since the pane's
    /// shell would take it too. It ends the program, not just the demo, through the session's
    /// one signal path.
    @Test func sigintInADemoChosenInThePickerEndsTheProgram() throws {
        let run = try ShellRun("", width: 80, height: 24)
        let first = try #require(Catalogue.all.first)
        _ = try waitInPicker(run, highlighting: first.name)
        try run.session.sendKeys("Enter")
        try run.session.waitForScreen("\(first.name) running") { $0.contains("Timeline") && $0.contains("q back") }
        kill(try run.programID(), SIGINT)
        try run.expectTerminalGivenBack(status: 128 + SIGINT)
    }

    @Test func sigintInThePickerEndsTheProgram() throws {
        let run = try ShellRun("", width: 80, height: 24)
        _ = try waitInPicker(run, highlighting: try #require(Catalogue.all.first?.name))
        kill(try run.programID(), SIGINT)
        try run.expectTerminalGivenBack(status: 128 + SIGINT)
    }
}
