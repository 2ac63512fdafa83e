import Demos
import Foundation
import Testing

/// Keys whose escape sequences the terminfo entry does not know must not act as Escape.
///
/// Under `TERM=xterm-256color` inside tmux, tmux sends End as `ESC [ 4 ~` and Home as
/// `ESC [ 1 ~`, but the entry says `ESC O F` and `ESC O H`; Alt+x is `ESC x` under any TERM.
/// ncurses hands back each as a bare ESC followed by loose characters, and Escape leaves a
/// demo for the picker and quits the picker.
///
/// A key that must do nothing is followed by one whose effect shows, and the test waits for
/// that effect: keys are read in order, so once it shows, the first key was read and did not
/// leave the screen. Nothing here sleeps.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct EscapeSequenceEndToEndTests {
    static let pickerTitle = "pick a demo"

    private func headerStep(_ screen: String) -> Int? {
        guard let header = screen.split(separator: "\n").first,
              let range = header.range(of: #"step (\d+)"#, options: .regularExpression) else { return nil }
        return Int(header[range].dropFirst(5))
    }

    /// The name of the demo the picker highlights: its row has the marker in column 1.
    private func highlightedDemo(_ screen: String) -> String? {
        let names = Set(Catalogue.all.map(\.name) + Challenges.all.map(\.name))
        for line in screen.split(separator: "\n") where line.count > 3 && line.dropFirst().first != " " {
            let name = line.dropFirst(3).prefix { $0 != " " }
            if names.contains(String(name)) { return String(name) }
        }
        return nil
    }

    private func waitInDemo(_ run: ShellRun, _ what: String, where condition: (String) -> Bool) throws {
        let screen = try run.session.waitForScreen(what) { screen in
            screen.contains(Self.pickerTitle) || condition(screen)
        }
        try #require(!screen.contains(Self.pickerTitle), "left the demo for the picker while waiting for \(what):\n\(screen)")
    }

    private func waitInPicker(_ run: ShellRun, highlighting name: String) throws {
        try run.session.waitForScreen("\(name) highlighted in the picker") { highlightedDemo($0) == name }
    }

    @Test func homeEndAndAltXUnderXtermNeitherLeaveTheDemoNorQuitThePicker() throws {
        let run = try ShellRun("demo gather --speed 0.125", width: 80, height: 24, setup: "export TERM=xterm-256color")
        try run.waitForUI()
        try run.session.sendKeys("Space")
        let paused = try run.session.waitForScreen(containing: "PAUSED")
        let newest = try #require(headerStep(paused))
        try #require(newest > 0, "the demo has run some steps before the pause")

        try run.session.sendKeys("Home")
        try waitInDemo(run, "Home to go to step 0") { headerStep($0) == 0 }
        try run.session.sendKeys("End")
        try waitInDemo(run, "End to go back to step \(newest)") { headerStep($0) == newest }
        // Alt+x is neither Escape nor x (which would stall the selected task); "s" steps on.
        try run.session.sendKeys("M-x", "s")
        try waitInDemo(run, "s after Alt+x to step to \(newest + 1)") { headerStep($0) == newest + 1 }
        #expect(!(try run.session.screen()).contains("loop blocked"))

        // A lone Escape still goes back to the picker.
        try run.session.sendKeys("Escape")
        let first = try #require(Catalogue.all.first?.name), second = Catalogue.all[1].name
        // The challenges follow the demos: End goes to the last of them.
        let last = try #require(Challenges.all.last?.name)
        try run.session.waitForScreen(containing: Self.pickerTitle)
        try run.session.sendKeys("End")
        try waitInPicker(run, highlighting: last)
        try run.session.sendKeys("Home")
        try waitInPicker(run, highlighting: first)
        try run.session.sendKeys("M-x", "j")
        try waitInPicker(run, highlighting: second)
        try run.session.sendKeys("Escape")
        try run.expectTerminalGivenBack(status: 0)
    }
}
