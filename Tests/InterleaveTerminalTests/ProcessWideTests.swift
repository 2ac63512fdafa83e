#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import InterleaveTerminal

/// Tests that touch state the whole process shares (signal handlers, the guard's flags,
/// ncurses' current terminal) run one at a time, in the suites nested in this one.
@Suite(.serialized) struct ProcessWideTests {
    @Test func theRealTerminfoDatabaseIsRead() {
        #expect(TerminalEnvironment.terminfoEntryExists("xterm"))
        #expect(!TerminalEnvironment.terminfoEntryExists("no-such-terminal-interleave"))
    }

    @Test func anUnknownTerminalTypeFailsWithOneLine() throws {
        let pty = try PseudoTerminal()
        #expect(throws: TerminalError("no terminfo entry for TERM=no-such-terminal-interleave")) {
            _ = try NCursesBackend(terminalType: "no-such-terminal-interleave", input: pty.device, output: pty.device)
        }
        #expect(!TerminalGuard.isInstalled)
    }

    @Test func aTerminalThatCannotMoveTheCursorIsRefused() throws {
        let pty = try PseudoTerminal()
        #expect(throws: TerminalError("TERM=dumb cannot show a full-screen view")) {
            _ = try NCursesBackend(terminalType: "dumb", input: pty.device, output: pty.device)
        }
        #expect(!TerminalGuard.isInstalled)
    }
}

/// A pseudo-terminal pair, for tests that need a tty without a terminal emulator.
final class PseudoTerminal {
    let controller: Int32
    let device: Int32

    init() throws {
        // posix_openpt and friends are hidden behind _XOPEN_SOURCE in Swift's Glibc module;
        // on Linux they are these ioctls on /dev/ptmx.
        controller = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var locked: Int32 = 0
        var number: UInt32 = 0
        guard controller >= 0, ioctl(controller, Self.unlock, &locked) == 0,
              ioctl(controller, Self.number, &number) == 0 else { throw PseudoTerminalError() }
        device = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard device >= 0 else { throw PseudoTerminalError() }
    }

    // TIOCSPTLCK and TIOCGPTN are function-like macros that Swift does not import (asm-generic encoding).
    private static let unlock: UInt = 0x4004_5431
    private static let number: UInt = 0x8004_5430

    deinit {
        close(device)
        close(controller)
    }

    /// The device's local modes (ECHO, ICANON, …).
    var localModes: tcflag_t {
        var modes = termios()
        tcgetattr(device, &modes)
        return modes.c_lflag
    }
}

struct PseudoTerminalError: Error {}
