#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The handler fields of `struct sigaction`, named the same on every C library.
///
/// glibc keeps them in a union called `__sigaction_handler`, Darwin in `__sigaction_u` with
/// prefixed member names; the rest of the terminal code should not care which.
extension sigaction {
    /// A plain handler (`sa_handler`), including `SIG_DFL` and `SIG_IGN`.
    var plainHandler: (@convention(c) (Int32) -> Void)? {
        get {
            #if canImport(Darwin)
            __sigaction_u.__sa_handler
            #else
            __sigaction_handler.sa_handler
            #endif
        }
        set {
            #if canImport(Darwin)
            __sigaction_u.__sa_handler = newValue
            #else
            __sigaction_handler.sa_handler = newValue
            #endif
        }
    }

    /// A handler given the signal's details (`sa_sigaction`, with `SA_SIGINFO`).
    var detailedHandler: (@convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void)? {
        get {
            #if canImport(Darwin)
            __sigaction_u.__sa_sigaction
            #else
            __sigaction_handler.sa_sigaction
            #endif
        }
        set {
            #if canImport(Darwin)
            __sigaction_u.__sa_sigaction = newValue
            #else
            __sigaction_handler.sa_sigaction = newValue
            #endif
        }
    }

    /// True when the action ignores the signal: a handler slot compared bit for bit, since
    /// `SIG_IGN` is a sentinel address, not a function.
    var ignoresSignal: Bool {
        guard let handler = plainHandler else { return false }
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}
