#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Keeps the user's terminal usable whatever happens to the program: it saves the tty modes,
/// turns SIGINT/SIGTERM/SIGHUP and Ctrl-Z into flags for the UI loop, and on a crash puts the
/// terminal back before the crash report runs.
///
/// It must be in place before ncurses starts, so that ncurses sees our handlers and does not
/// install its own (it only catches signals whose disposition is still the default).
/// `NCursesBackend` installs it first and uninstalls it in `restore()`; install it yourself
/// only to cover the time before the backend exists, and then uninstall it yourself too.
/// ```swift
/// let backend = try NCursesBackend()   // installs the guard
/// defer { backend.restore() }          // uninstalls it
/// ```
///
/// Ctrl-Z uses flags rather than ncurses' own SIGTSTP handler: the handler sets a flag,
/// `NCursesBackend.nextEvent` sees it and calls `endwin`, then `stopProcess()` re-raises SIGTSTP
/// with the default action, and when SIGCONT resumes it the backend repaints the whole screen.
public enum TerminalGuard {
    static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]
    static let handledSignals = terminationSignals + [SIGTSTP, SIGCONT] + crashSignals

    /// Whether the handlers are in place.
    public static var isInstalled: Bool { installed.load(ordering: .acquiring) }

    /// Saves the modes of the input tty and installs the signal handlers; does nothing if already installed.
    ///
    /// Returns false when it was installed already.
    @discardableResult
    public static func install(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) -> Bool {
        guard installed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return false }
        let storage = GuardStorage.shared
        storage.hasSavedModes.store(tcgetattr(input, storage.savedModes) == 0, ordering: .releasing)
        storage.input.store(input, ordering: .releasing)
        storage.output.store(output, ordering: .releasing)
        TerminalSignals.prepareForHandlers()
        for signal in terminationSignals { setHandler(TerminalSignals.terminationHandler, for: signal) }
        setHandler(TerminalSignals.suspendHandler, for: SIGTSTP)
        setHandler(TerminalSignals.continueHandler, for: SIGCONT)
        for signal in crashSignals { setCrashHandler(for: signal) }
        return true
    }

    /// Puts back the handlers that were there before `install()` and the saved tty modes.
    public static func uninstall() {
        guard installed.compareExchange(expected: true, desired: false, ordering: .acquiringAndReleasing).exchanged
        else { return }
        let storage = GuardStorage.shared
        for signal in handledSignals { sigaction(signal, storage.previousActions + Int(signal), nil) }
        storage.screenActive.store(false, ordering: .releasing)
        restoreSavedModes()
    }

    /// Writes the tty modes saved by `install()` back to the input tty.
    public static func restoreSavedModes() {
        let storage = GuardStorage.shared
        guard storage.hasSavedModes.load(ordering: .acquiring) else { return }
        tcsetattr(storage.input.load(ordering: .acquiring), TCSANOW, storage.savedModes)
    }

    /// Stops the process as Ctrl-Z would, returning once it is continued; call after `endwin`.
    public static func stopProcess() {
        var defaultAction = sigaction()
        defaultAction.plainHandler = SIG_DFL
        sigemptyset(&defaultAction.sa_mask)
        var ourAction = sigaction()
        sigaction(SIGTSTP, &defaultAction, &ourAction)
        // raise signals this thread, which may block SIGTSTP (worker threads block most signals).
        unblock(SIGTSTP)
        raise(SIGTSTP)
        sigaction(SIGTSTP, &ourAction, nil)
    }

    /// Tells the crash path whether the screen is in full-screen mode, so it only writes reset codes then.
    static func setScreenActive(_ active: Bool) {
        GuardStorage.shared.screenActive.store(active, ordering: .releasing)
    }

    /// Restores the tty modes and, if a full screen is up, leaves it; async-signal-safe.
    static func emergencyRestore() {
        let storage = GuardStorage.shared
        if storage.hasSavedModes.load(ordering: .acquiring) {
            tcsetattr(storage.input.load(ordering: .acquiring), TCSANOW, storage.savedModes)
        }
        guard storage.screenActive.load(ordering: .acquiring) else { return }
        // Mouse reporting off (else the shell receives mouse escapes), leave the alternate
        // screen, show the cursor, reset attributes, and start a fresh line for the crash report.
        let reset: StaticString = "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l\u{1B}[?1049l\u{1B}[?25h\u{1B}[0m\r\n"
        _ = write(storage.output.load(ordering: .acquiring), reset.utf8Start, reset.utf8CodeUnitCount)
    }

    /// Hands a crash signal to whoever handled it before us (the Swift backtracer, or the default
    /// action), so the crash report and the exit status are unchanged; async-signal-safe.
    ///
    /// For a fault it puts the old handler back and returns: the faulting instruction runs again
    /// and faults into that handler with the true context. A sent signal (kill, abort) would not
    /// come back, and the Swift backtracer returns from one, so it is passed on here and now, and
    /// then the default action ends the process.
    static func chainToPreviousHandler(_ signal: Int32, isFault: Bool) {
        let previous = GuardStorage.shared.previousActions + Int(signal)
        if previous.pointee.ignoresSignal { previous.pointee.plainHandler = SIG_DFL }
        sigaction(signal, previous, nil)
        guard !isFault else { return }
        unblock(signal)
        raise(signal)
        dieByDefaultAction(signal)
    }

    /// Ends the process by `signal`'s default action; async-signal-safe.
    /// Ends the process by `signal` as if no handler had caught it: for a library that caught a
    /// termination request, restored what it had changed, and must not pretend it never came
    /// (the shell sees 128 + signal, as it would have).
    public static func endProcess(by signal: Int32) -> Never {
        dieByDefaultAction(signal)
        preconditionFailure("signal \(signal) did not end the process")
    }

    static func dieByDefaultAction(_ signal: Int32) {
        var defaultAction = sigaction()
        defaultAction.plainHandler = SIG_DFL
        sigemptyset(&defaultAction.sa_mask)
        sigaction(signal, &defaultAction, nil)
        unblock(signal)
        raise(signal)
    }

    /// Lets `signal` through to this thread, even inside its own handler; async-signal-safe.
    private static func unblock(_ signal: Int32) {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, signal)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    private static func setCrashHandler(for signal: Int32) {
        var action = sigaction()
        action.detailedHandler = TerminalSignals.crashHandler
        sigemptyset(&action.sa_mask)
        // SA_ONSTACK: a stack overflow can only be handled on an alternate signal stack, if the
        // thread has one (the Swift runtime's backtracer relies on the same).
        action.sa_flags = SA_SIGINFO | SA_ONSTACK
        sigaction(signal, &action, GuardStorage.shared.previousActions + Int(signal))
    }

    private static func setHandler(_ handler: @convention(c) (Int32) -> Void, for signal: Int32) {
        var action = sigaction()
        action.plainHandler = handler
        sigemptyset(&action.sa_mask)
        // SA_RESTART keeps other threads' blocking reads and writes from failing with EINTR;
        // the UI loop's poll still returns early, because poll is never restarted.
        action.sa_flags = SA_RESTART
        sigaction(signal, &action, GuardStorage.shared.previousActions + Int(signal))
    }
}

private let installed = Atomic<Bool>(false)

/// Memory the signal handlers read: allocated once, before any handler is installed, and never freed.
private final class GuardStorage: Sendable {
    static let shared = GuardStorage()

    /// Indexed by signal number; Linux numbers signals below 65.
    nonisolated(unsafe) let previousActions: UnsafeMutablePointer<sigaction>
    nonisolated(unsafe) let savedModes: UnsafeMutablePointer<termios>
    let hasSavedModes = Atomic<Bool>(false)
    let screenActive = Atomic<Bool>(false)
    let input = Atomic<Int32>(STDIN_FILENO)
    let output = Atomic<Int32>(STDOUT_FILENO)

    private init() {
        previousActions = .allocate(capacity: 65)
        previousActions.initialize(repeating: sigaction(), count: 65)
        savedModes = .allocate(capacity: 1)
        savedModes.initialize(to: termios())
    }
}
