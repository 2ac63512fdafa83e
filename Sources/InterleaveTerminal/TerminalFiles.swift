#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CNCurses

/// The stdio streams ncurses reads from and writes to.
///
/// Standard input and output use the process's own `stdin`/`stdout`; any other descriptor is
/// duplicated and opened as a stream of its own (closed again by `close()`), so a test can run
/// the backend on a pseudo-terminal without touching the descriptor it was given.
struct TerminalFiles {
    let input: UnsafeMutablePointer<FILE>
    let output: UnsafeMutablePointer<FILE>
    let ownsStreams: Bool

    init(input inputDescriptor: Int32, output outputDescriptor: Int32) throws(TerminalError) {
        if inputDescriptor == STDIN_FILENO, outputDescriptor == STDOUT_FILENO {
            input = cncurses_stdin()
            output = cncurses_stdout()
            ownsStreams = false
            return
        }
        guard let input = Self.open(inputDescriptor, mode: "r") else {
            throw TerminalError("cannot open terminal input (descriptor \(inputDescriptor))")
        }
        guard let output = Self.open(outputDescriptor, mode: "w") else {
            fclose(input)
            throw TerminalError("cannot open terminal output (descriptor \(outputDescriptor))")
        }
        self.input = input
        self.output = output
        ownsStreams = true
    }

    /// Flushes what ncurses wrote and closes the streams this value opened.
    func close() {
        fflush(output)
        guard ownsStreams else { return }
        fclose(input)
        fclose(output)
    }

    private static func open(_ descriptor: Int32, mode: String) -> UnsafeMutablePointer<FILE>? {
        let copy = dup(descriptor)
        guard copy >= 0 else { return nil }
        guard let stream = fdopen(copy, mode) else {
            closeDescriptor(copy)
            return nil
        }
        return stream
    }
}

/// The C library's `close`, reachable from inside a type that has a `close()` of its own
/// (a module-qualified name would differ between glibc and Darwin).
private func closeDescriptor(_ descriptor: Int32) { _ = close(descriptor) }
