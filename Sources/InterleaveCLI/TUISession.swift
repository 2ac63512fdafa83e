import Demos
import Foundation

/// Placeholder until the terminal session lands: decides whether a TUI can run.
enum TerminalCheck {
    static func unusableReason() -> String? {
        isatty(STDOUT_FILENO) == 0 ? "stdout is not a terminal" : nil
    }
}

enum TUISession {
    static func runDemo(_ demo: Demo, options: RunOptions) throws {
        print(PlainRun.run(demo, options: options), terminator: "")
    }
    static func runPicker(options: RunOptions) throws {
        try ListCommand().run()
    }
}
