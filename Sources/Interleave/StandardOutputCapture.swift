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
/// standard library still writes the text to standard output too; while a full-screen view or
/// a plain report is being made, standard output is silenced (pointed at /dev/null), so the text
/// shows once, where Interleave shows it.
enum StandardOutputCapture {
    /// Points standard output at /dev/null until `restore()`; nothing when that fails.
    static func silence() -> Silenced {
        Silenced(saved: silenceStandardOutput())
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

    struct Silenced {
        /// A copy of standard output's descriptor from before it was silenced.
        let saved: Int32?

        func restore() {
            guard let saved else { return }
            fflush(nil)
            dup2(saved, STDOUT_FILENO)
            close(saved)
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

    private static func silenceStandardOutput() -> Int32? {
        fflush(nil)
        let copy = dup(STDOUT_FILENO)
        let null = open("/dev/null", O_WRONLY)
        guard copy >= 0, null >= 0 else {
            if copy >= 0 { close(copy) }
            if null >= 0 { close(null) }
            return nil
        }
        dup2(null, STDOUT_FILENO)
        close(null)
        return copy
    }
}

extension Loop {
    /// A line printed by the running task through `Swift.print`.
    func emitStandardOutput(_ line: String) {
        guard let task = runningTask else { return }
        emit(.output, text: line, by: task.id, location: .unknown)
    }
}
