import Foundation
import InterleaveTrace

/// Buffers output and writes it to a file or standard output in large pieces: how exports
/// reach their file.
///
/// ```swift
/// var out = OutputSink(path: "run.jsonl")
/// out.write("{}\n")
/// try out.finish()   // "No space left on device", if so
/// ```
public struct OutputSink {
    public let path: String?
    private var buffer = ""
    private let descriptor: Int32
    private let staged: StagedFile?
    private var failure: OutputError?

    /// Why the output could not be written, as the system says it ("No space left on device").
    public struct OutputError: Error, CustomStringConvertible {
        public let description: String
        static func fromErrno() -> OutputError { OutputError(description: String(cString: strerror(errno))) }
    }

    /// Opens `path` for writing (standard output when nil); an error is kept for `finish`.
    ///
    /// A file is written under a temporary name beside `path` and renamed over it by `finish`
    /// (see `StagedFile`), so a failed export leaves nothing at the path and keeps what was
    /// there; a device such as /dev/full is written to directly, never replaced.
    public init(path: String?) {
        self.path = path
        if let path {
            let file = StagedFile(path: path)
            staged = file
            descriptor = open(file.writingPath, O_WRONLY | O_CREAT | (file.isStaged ? O_EXCL : O_TRUNC) | O_CLOEXEC, 0o644)
            if descriptor < 0 { failure = .fromErrno() }
        } else {
            staged = nil
            descriptor = STDOUT_FILENO
        }
    }

    /// Adds `text`, writing once a megabyte has gathered.
    public mutating func write(_ text: String) {
        buffer += text
        if buffer.utf8.count > 1 << 20 { flush() }
    }

    private mutating func flush() {
        guard failure == nil, descriptor >= 0, !buffer.isEmpty else { return }
        let bytes = Array(buffer.utf8)
        buffer = ""
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { writeDescriptor(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                failure = .fromErrno()
                return
            }
            written += count
        }
    }

    /// Writes the rest and closes the file; throws the first error met on the way.
    public mutating func finish() throws {
        flush()
        if path != nil, descriptor >= 0, close(descriptor) != 0, failure == nil { failure = .fromErrno() }
        if let failure {
            staged?.discard()
            throw failure
        }
        do { try staged?.commit() } catch let error as StagedFile.CommitError {
            throw OutputError(description: error.reason)
        }
    }
}

/// The C library's `write`, reachable from inside a type that has a `write(_:)` of its own
/// (a module-qualified name would differ between glibc and Darwin).
private func writeDescriptor(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
