import ArgumentParser
import Foundation
import Interleave
import InterleaveApp
import InterleaveUI

/// `interleave export FILE --format chrome|cast|jsonl|text -o OUT`: a trace in another format.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Convert a trace file for Perfetto, inspection or handouts.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case chrome, cast, jsonl, text
    }

    @Argument(help: "The trace file to read.")
    var file: String

    @Option(help: "chrome (Perfetto / chrome://tracing), cast (asciicast v2 of the replay, for asciinema), jsonl (one event per line), text (the plain timeline).")
    var format: Format

    @Option(name: .shortAndLong, help: "Where to write (default: standard output).")
    var output: String?

    @Option(help: "cast: terminal columns, \(CastExporter.widths.lowerBound) to \(CastExporter.widths.upperBound).")
    var width = CastExporter.defaultWidth

    @Option(help: "cast: terminal rows, \(CastExporter.heights.lowerBound) to \(CastExporter.heights.upperBound).")
    var height = CastExporter.defaultHeight

    @Option(help: "cast: playback speed, from \(PlaybackSpeed.rangeText).")
    var speed: Double = 1

    /// The cast options' limits, checked before the file is read; one line and status 2 each.
    func checkCastOptions() throws {
        guard CastExporter.widths.contains(width) else {
            throw fail("--width must be between \(CastExporter.widths.lowerBound) and \(CastExporter.widths.upperBound)")
        }
        guard CastExporter.heights.contains(height) else {
            throw fail("--height must be between \(CastExporter.heights.lowerBound) and \(CastExporter.heights.upperBound)")
        }
        guard PlaybackSpeed.range.contains(speed) else { throw fail(PlaybackSpeed.outOfRangeMessage) }
    }

    func run() throws {
        try checkCastOptions()
        let loaded = try loadTrace(file)
        var out = OutputSink(path: output)
        switch format {
        case .chrome: ChromeTraceExporter(store: loaded.store).write { out.write($0) }
        case .cast:
            let exporter = CastExporter(width: width, height: height, speed: speed, timestamp: Int(Date().timeIntervalSince1970))
            exporter.write(loaded.store) { out.write($0) }
        case .jsonl: JSONLExporter(store: loaded.store).write { out.write($0 + "\n") }
        case .text: out.write(PlainReport(store: loaded.store).render())
        }
        do { try out.finish() } catch { throw fail("cannot write \(output ?? "output"): \(error)") }
    }
}

/// Loads a trace file or fails with a one-line error naming it (exit status 2).
func loadTrace(_ path: String) throws -> TraceDecoder.Loaded {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        throw fail("\(SafeName.escape(path)) is a directory, not a trace file")
    }
    do {
        let loaded = try TraceDecoder.decodeFile(atPath: path)
        if loaded.truncated {
            FileHandle.standardError.write(Data("interleave: \(SafeName.escape(path)) is truncated; using it up to its last whole block\n".utf8))
        }
        return loaded
    } catch let error as TraceFileError {
        throw fail("\(SafeName.escape(path)): \(error)")
    }
}

/// Buffers output and writes it to a file or standard output in large pieces.
struct OutputSink {
    let path: String?
    private var buffer = ""
    private let descriptor: Int32
    private var failure: OutputError?

    /// Why the output could not be written, as the system says it ("No space left on device").
    struct OutputError: Error, CustomStringConvertible {
        let description: String
        static func fromErrno() -> OutputError { OutputError(description: String(cString: strerror(errno))) }
    }

    init(path: String?) {
        self.path = path
        if let path {
            // open(2) on the path itself: createFile writes a temporary file and renames it over
            // the path, which replaces a device (/dev/full) or a symlink instead of writing to it.
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            if descriptor < 0 { failure = .fromErrno() }
        } else {
            descriptor = STDOUT_FILENO
        }
    }

    mutating func write(_ text: String) {
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

    mutating func finish() throws {
        flush()
        if path != nil, descriptor >= 0, close(descriptor) != 0, failure == nil { failure = .fromErrno() }
        if let failure { throw failure }
    }
}

/// The C library's `write`, reachable from inside a type that has a `write(_:)` of its own
/// (a module-qualified name would differ between glibc and Darwin).
private func writeDescriptor(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
