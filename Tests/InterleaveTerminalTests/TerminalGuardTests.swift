#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import InterleaveTerminal

extension ProcessWideTests {
    @Suite struct TerminalGuardTests {
        /// The handler currently installed for `signal`, as raw bits (0 is SIG_DFL).
        private func handlerBits(_ signal: Int32) -> Int {
            var action = sigaction()
            sigaction(signal, nil, &action)
            return unsafeBitCast(action.__sigaction_handler, to: Int.self)
        }

        @Test func installIsIdempotentAndUninstallPutsBackTheOldHandlers() {
            let before = TerminalGuard.handledSignals.map(handlerBits)
            #expect(TerminalGuard.install(input: -1, output: -1))
            #expect(!TerminalGuard.install(input: -1, output: -1))
            #expect(TerminalGuard.isInstalled)
            #expect(TerminalGuard.handledSignals.map(handlerBits) != before)
            TerminalGuard.uninstall()
            TerminalGuard.uninstall()
            #expect(!TerminalGuard.isInstalled)
            #expect(TerminalGuard.handledSignals.map(handlerBits) == before)
        }

        @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
        func terminationSignalsOnlySetAFlag(signal: Int32) {
            TerminalSignals.reset()
            TerminalGuard.install(input: -1, output: -1)
            defer { TerminalGuard.uninstall() }
            sendToProcess(signal)
            #expect(waitUntil { TerminalSignals.pendingTermination != nil })
            #expect(TerminalSignals.pendingTermination == signal)
            #expect(TerminalSignals.takeTermination() == signal)
            #expect(TerminalSignals.takeTermination() == nil)
        }

        @Test func ctrlZAndContinueOnlySetFlags() {
            TerminalSignals.reset()
            TerminalGuard.install(input: -1, output: -1)
            defer { TerminalGuard.uninstall() }
            sendToProcess(SIGTSTP)
            #expect(waitUntil { TerminalSignals.takeSuspendRequest() })
            #expect(!TerminalSignals.takeSuspendRequest())
            sendToProcess(SIGCONT)
            #expect(waitUntil { TerminalSignals.takeContinued() })
            #expect(!TerminalSignals.takeContinued())
        }

        @Test func ttyModesSavedAtInstallComeBackAtUninstall() throws {
            let pty = try PseudoTerminal()
            let original = pty.localModes
            #expect(original & tcflag_t(ECHO) != 0)
            TerminalGuard.install(input: pty.device, output: -1)
            var raw = termios()
            tcgetattr(pty.device, &raw)
            raw.c_lflag &= ~tcflag_t(ECHO | ICANON)
            tcsetattr(pty.device, TCSANOW, &raw)
            #expect(pty.localModes & tcflag_t(ECHO) == 0)
            TerminalGuard.uninstall()
            #expect(pty.localModes == original)
        }

        @Test func aCrashLeavesTheFullScreenAndStillDiesByItsSignal() async {
            let result = await #expect(processExitsWith: .signal(SIGABRT), observing: [\.standardOutputContent]) {
                TerminalGuard.install(input: -1, output: STDOUT_FILENO)
                TerminalGuard.setScreenActive(true)
                abort()
            }
            let output = String(decoding: result?.standardOutputContent ?? [], as: UTF8.self)
            #expect(output.contains("\u{1B}[?1049l\u{1B}[?25h\u{1B}[0m\r\n"))
        }

        @Test func aRealFaultLeavesTheFullScreenAndStillDiesByItsSignal() async {
            let result = await #expect(processExitsWith: .signal(SIGSEGV), observing: [\.standardOutputContent]) {
                TerminalGuard.install(input: -1, output: STDOUT_FILENO)
                TerminalGuard.setScreenActive(true)
                UnsafeMutablePointer<Int>(bitPattern: 8)!.pointee = 1
            }
            let output = String(decoding: result?.standardOutputContent ?? [], as: UTF8.self)
            #expect(output.contains("\u{1B}[?1049l"))
        }

        @Test func aCrashSignalSentFromOutsideStillEndsTheProcess() async {
            // The Swift backtracer returns from a signal that was sent rather than caused by a
            // fault; the guard must still end the process.
            await #expect(processExitsWith: .signal(SIGSEGV)) {
                TerminalGuard.install(input: -1, output: -1)
                kill(getpid(), SIGSEGV)
                for _ in 0..<1_000 { usleep(10_000) }
                exit(0)
            }
        }

        @Test func withoutAFullScreenACrashWritesNothing() async {
            let result = await #expect(processExitsWith: .signal(SIGFPE), observing: [\.standardOutputContent]) {
                TerminalGuard.install(input: -1, output: STDOUT_FILENO)
                raise(SIGFPE)
            }
            let output = String(decoding: result?.standardOutputContent ?? [], as: UTF8.self)
            #expect(!output.contains("\u{1B}[?1049l"))
        }

        @Test func aSecondInterruptBeforeTheLoopReactsEndsTheProcess() async {
            await #expect(processExitsWith: .signal(SIGINT)) {
                TerminalGuard.install(input: -1, output: -1)
                kill(getpid(), SIGINT)
                while TerminalSignals.pendingTermination == nil { usleep(1_000) }
                kill(getpid(), SIGINT)
                // Only gets past this if the second interrupt was swallowed.
                for _ in 0..<1_000 { usleep(10_000) }
                exit(0)
            }
        }
    }
}

/// Sends `signal` to the whole process, as the terminal does; `raise` would target the calling
/// thread, and test threads block most signals.
func sendToProcess(_ signal: Int32) {
    kill(getpid(), signal)
}

/// Polls `condition` for up to five seconds: process signals arrive on another thread.
func waitUntil(_ condition: () -> Bool) -> Bool {
    for _ in 0..<500 {
        if condition() { return true }
        usleep(10_000)
    }
    return false
}
