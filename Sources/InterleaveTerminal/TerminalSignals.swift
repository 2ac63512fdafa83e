#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Flags that the signal handlers set and the UI loop polls, so that no terminal work ever
/// happens inside a handler.
///
/// `TerminalGuard.install()` routes SIGINT, SIGTERM and SIGHUP here; the loop asks once per
/// frame and shuts down itself; the program then exits with the shell convention 128 + signal
/// number (a library ends the process by the signal instead, `TerminalGuard.endProcess(by:)`):
/// ```swift
/// if let signal = TerminalSignals.takeTermination() {
///     backend.restore()
///     return .terminated(signal: signal)
/// }
/// ```
/// `NCursesBackend.nextEvent(timeoutMilliseconds:)` consumes the suspend and continue flags itself.
public enum TerminalSignals {
    /// The signal that asked the program to end, without clearing it; nil if none came.
    public static var pendingTermination: Int32? {
        let signal = terminationSignal.load(ordering: .acquiring)
        return signal == 0 ? nil : signal
    }

    /// The signal that asked the program to end, clearing it; nil if none came.
    public static func takeTermination() -> Int32? {
        let signal = terminationSignal.exchange(0, ordering: .acquiringAndReleasing)
        return signal == 0 ? nil : signal
    }

    /// Whether Ctrl-Z (SIGTSTP) asked the program to stop since the last call.
    public static func takeSuspendRequest() -> Bool {
        suspendRequested.exchange(false, ordering: .acquiringAndReleasing)
    }

    /// Whether the program was continued (SIGCONT) since the last call, so the screen needs repainting.
    public static func takeContinued() -> Bool {
        continued.exchange(false, ordering: .acquiringAndReleasing)
    }

    /// Clears every flag; for tests and for a backend that starts over.
    public static func reset() {
        terminationSignal.store(0, ordering: .releasing)
        suspendRequested.store(false, ordering: .releasing)
        continued.store(false, ordering: .releasing)
    }

    /// Touches every flag so that Swift's lazy global initialisation happens now, outside any handler.
    static func prepareForHandlers() {
        _ = terminationSignal.load(ordering: .relaxed)
        _ = suspendRequested.load(ordering: .relaxed)
        _ = continued.load(ordering: .relaxed)
    }

    // The handlers below run in signal context: they only touch lock-free atomics,
    // and the emergency path only makes async-signal-safe system calls.

    static let terminationHandler: @convention(c) (Int32) -> Void = { signal in
        let earlier = terminationSignal.exchange(signal, ordering: .acquiringAndReleasing)
        // A second request before the loop took the first means the loop is stuck:
        // give the terminal back and die by the signal, as if no handler were installed.
        if earlier != 0 {
            TerminalGuard.emergencyRestore()
            TerminalGuard.dieByDefaultAction(signal)
        }
    }

    static let suspendHandler: @convention(c) (Int32) -> Void = { _ in
        suspendRequested.store(true, ordering: .releasing)
    }

    static let continueHandler: @convention(c) (Int32) -> Void = { _ in
        continued.store(true, ordering: .releasing)
    }

    static let crashHandler: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = {
        signal, info, _ in
        TerminalGuard.emergencyRestore()
        // A positive si_code means the kernel raised it for a fault in this thread; zero or less
        // means kill, raise or abort sent it.
        TerminalGuard.chainToPreviousHandler(signal, isFault: (info?.pointee.si_code ?? 0) > 0)
    }
}

private let terminationSignal = Atomic<Int32>(0)
private let suspendRequested = Atomic<Bool>(false)
private let continued = Atomic<Bool>(false)
