import Foundation
import Testing

/// The UI thread keeps drawing and answering keys while the loop thread is stuck in a
/// blocking call: the point of running them apart.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct ResponsivenessTests {
    /// The header's clock, e.g. "1.219s" from "… step 5 · 1.219s · 1/2×".
    private func headerClock(_ screen: String) -> String? {
        guard let header = screen.split(separator: "\n").first,
              let range = header.range(of: #"\d+\.\d{3}s"#, options: .regularExpression) else { return nil }
        return String(header[range])
    }

    /// The caption's "loop blocked 0.445s by worker1" notice, if shown.
    private func blockedNotice(_ screen: String) -> String? {
        guard let range = screen.range(of: #"loop blocked \d+\.\d{3}s by worker1: nothing else"#, options: .regularExpression)
        else { return nil }
        return String(screen[range])
    }

    /// At quarter speed the blocking demo's 2 s blocking call holds the loop thread for 8 s of
    /// wall time. During it the header clock and the notice keep moving, and `q` ends the
    /// program long before the call would return. (Half speed left too little margin under
    /// ThreadSanitizer, which makes the program's own winding down take 2 s.)
    @Test func theViewKeepsDrawingAndQuitsWhileTheLoopIsBlocked() throws {
        let run = try ShellRun("demo blocking --speed 0.25")
        try run.waitForUI(containing: "ticker1")
        let clock = ContinuousClock()
        try run.session.waitForScreen(timeout: .seconds(20), "the loop-blocked notice") { blockedNotice($0) != nil }
        let stallSeen = clock.now

        // Sample the screen for a second and a half: the stall has 6.5 s left after that.
        var clocks = Set<String>(), notices = Set<String>()
        while clock.now < stallSeen.advanced(by: .milliseconds(1_500)) {
            let screen = try run.session.screen()
            if let notice = blockedNotice(screen) {
                notices.insert(notice)
                if let time = headerClock(screen) { clocks.insert(time) }
            }
            usleep(50_000)
        }
        #expect(clocks.count >= 5, "the header clock moved during the stall: \(clocks.sorted())")
        #expect(notices.count >= 5, "the notice counted the blocked time up: \(notices.sorted())")

        let pid = try run.programID()
        #expect(blockedNotice(try run.session.screen()) != nil, "q is pressed while the loop is still blocked")
        try run.session.sendKeys("q")
        let pressed = clock.now
        // The screen is given back at once, whatever the loop thread is doing; the process may
        // then wait a moment for the run to wind down, but not for the stall to end.
        try run.session.waitForScreen(timeout: .milliseconds(700), "the shell's screen at once") { !$0.contains("Timeline") }
        let exited = try run.session.poll(timeout: .seconds(4)) { run.isAlive(pid) ? nil : clock.now }
        let exit = try #require(exited, "still running 4 s after q; the stall had 6.5 s left")
        #expect(exit - pressed < .seconds(4))
        try run.expectTerminalGivenBack(status: 0)
    }
}
