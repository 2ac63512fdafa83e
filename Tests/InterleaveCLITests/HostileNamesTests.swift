import Foundation
import Interleave
import InterleaveTrace
import Testing

/// Names, captions, output and source text from a trace file are untrusted: replayed in a real
/// terminal, their escape sequences are shown escaped and never reach the terminal.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct HostileNamesTests {
    /// Sets the terminal's title (OSC 0), and clears the screen.
    static let setTitle = "\u{1B}]0;pwned\u{07}"
    static let clearScreen = "\u{1B}[2J"
    /// How the view shows them.
    static let setTitleShown = "\\e]0;pwned\\a"
    static let clearScreenShown = "\\e[2J"

    /// Records a small run whose every name and text carries both sequences.
    static func recordHostileTrace(to path: String) throws {
        let hostile = setTitle + clearScreen
        let loop = Loop()
        var header = loop.store.header
        header.demoName = "demo" + hostile
        header.title = "title" + hostile
        loop.store.header = header
        // The code pane shows this file's lines around each task's position: make them all hostile.
        let source = (1...400).map { "line \($0) \(hostile)" }.joined(separator: "\n")
        loop.store.addSource(SourceFile(fileID: #fileID, text: source))
        loop.spawn("main" + hostile) {
            let lock = Lock("lock" + hostile)
            let worker = spawn("task" + hostile) {
                try await lock.withLock {
                    caption("caption" + hostile)
                    Interleave.print("output" + hostile)
                    try await sleep(for: .seconds(1))
                }
            }
            try await sleep(for: .milliseconds(100))
            try await lock.withLock {}
            try await worker.value
        }
        loop.runUntilIdle()
        try TraceFileRecorder.write(loop.store, to: path)
    }

    @Test func replayShowsEscapesEscapedAndLeavesTheTerminalAlone() throws {
        let trace = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString.prefix(8)).itrace").path
        defer { try? FileManager.default.removeItem(atPath: trace) }
        try Self.recordHostileTrace(to: trace)

        let run = try ShellRun("replay \(TmuxSession.shellQuoted(trace))", width: 120, height: 40)
        let title = try run.session.paneValue("pane_title")
        try run.waitForUI()
        // Stop at the caption (the lock is held and the worker is mid-section), then at the end.
        try run.session.sendKeys("Space", "g", "]")
        // The whole frame at the caption, not one caught half drawn (the header still at step 0).
        let atCaption = try run.session.waitForScreen("the frame at the caption") {
            $0.contains("caption" + Self.setTitleShown) && $0.contains("task" + Self.setTitleShown + Self.clearScreenShown)
                && !$0.contains("step 0/")
        }
        #expect(atCaption.contains("task" + Self.setTitleShown + Self.clearScreenShown))
        #expect(atCaption.contains("lock" + Self.setTitleShown))
        #expect(atCaption.contains(Self.setTitleShown + Self.clearScreenShown))
        try run.session.sendKeys("G")
        let atEnd = try run.session.waitForScreen(containing: "output" + Self.setTitleShown)
        for screen in [atCaption, atEnd] {
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            // Not cleared: the whole frame is there, header to footer.
            #expect(lines.first?.contains("interleave: demo\\e]0;pwned\\a\\e[2J") == true, "the header: \(lines.first ?? "")")
            #expect(lines.count >= 40 && lines[39].contains("quit"))
            #expect(screen.contains("Timeline") && screen.contains("Events"))
        }
        #expect(try run.session.paneValue("pane_title") == title)
        #expect(!(try run.session.paneValue("pane_title")).contains("pwned"))
        try run.session.sendKeys("q")
        try run.expectTerminalGivenBack(status: 0)
        #expect(try run.session.paneValue("pane_title") == title)
    }

    @Test func plainExportEscapesToo() throws {
        let trace = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString.prefix(8)).itrace").path
        defer { try? FileManager.default.removeItem(atPath: trace) }
        try Self.recordHostileTrace(to: trace)

        let run = try ShellRun("export \(TmuxSession.shellQuoted(trace)) --format text", width: 160, height: 40)
        let title = try run.session.paneValue("pane_title")
        let screen = try run.expectTerminalGivenBack(status: 0)
        #expect(screen.contains("output" + Self.setTitleShown + Self.clearScreenShown))
        #expect(screen.contains("task" + Self.setTitleShown))
        // Not cleared: the first lines of the report are still above the shell's line.
        #expect(screen.contains("timeline ("))
        #expect(try run.session.paneValue("pane_title") == title)
    }
}
