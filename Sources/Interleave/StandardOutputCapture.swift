#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `Swift.print` from a routing loop's tasks, into the trace as that task's output.
///
/// Unmodified code calls the standard library's `print`, not Interleave's: the standard
/// library's print hook (`_playgroundPrintHook`, called with the text of every `print`) is
/// where it can be caught, attributed to the running task at the current virtual time. The
/// standard library still writes the text to C's `stdout` too; while a full-screen view or a
/// plain report is being made, that stream is swapped for one on /dev/null, so the text shows
/// once, where Interleave shows it. Only the stream is swapped, never descriptor 1: the
/// terminal (ncurses' stream, the crash handler's resets, termios) stays where it was.
enum StandardOutputCapture {
    /// Swaps C's `stdout` for a stream on /dev/null until `restore()`; nothing when that fails.
    static func silence() -> Silenced? {
        guard let process = dlopen(nil, RTLD_NOW), let variable = dlsym(process, "stdout"),
              let null = fopen("/dev/null", "w") else { return nil }
        let slot = variable.assumingMemoryBound(to: UnsafeMutablePointer<FILE>?.self)
        fflush(nil)
        let silenced = Silenced(slot: slot, original: slot.pointee, null: null)
        slot.pointee = null
        return silenced
    }

    static func installPrintHook() {
        setPrintHook { text in
            guard let loop = Loop.current, loop.routesStandardJobs, loop.isOnLoopThread else { return }
            let lines = text.hasSuffix("\n") ? String(text.dropLast()) : text
            for line in lines.split(separator: "\n", omittingEmptySubsequences: false) {
                loop.emitStandardOutput(String(line))
            }
        }
    }

    static func removePrintHook() { setPrintHook(nil) }

    struct Silenced: @unchecked Sendable {
        // Unchecked: the pointers are C's `stdout` variable and two streams, touched only by
        // the routing's first start and last end, under its lock.
        let slot: UnsafeMutablePointer<UnsafeMutablePointer<FILE>?>
        let original: UnsafeMutablePointer<FILE>?
        let null: UnsafeMutablePointer<FILE>

        func restore() {
            fflush(null)
            slot.pointee = original
            fclose(null)
        }
    }

    typealias PrintHook = (String) -> Void
    private typealias PrintHookSetter = @convention(thin) (PrintHook?) -> Void

    /// Sets the standard library's print hook through its exported setter: the variable is
    /// global mutable state to Swift 6's checker, and is only ever set here, by one routing.
    private static func setPrintHook(_ hook: PrintHook?) {
        guard let process = dlopen(nil, RTLD_NOW), let setter = dlsym(process, "$ss20_playgroundPrintHookySScSgvs") else {
            return
        }
        unsafeBitCast(setter, to: PrintHookSetter.self)(hook)
    }
}

extension Loop {
    /// A line printed by the running task through `Swift.print`.
    func emitStandardOutput(_ line: String) {
        guard let task = runningTask else { return }
        noteStandardCallSite()
        emit(.output, text: line, by: task.id, location: standardLocation(of: task))
    }
}
