import ArgumentParser
import Foundation
import Interleave
import InterleaveUI

/// `interleave export FILE --format chrome|jsonl|text -o OUT`: a trace in another format.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Convert a trace file for Perfetto, inspection or handouts.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case chrome, jsonl, text
    }

    @Argument(help: "The trace file to read.")
    var file: String

    @Option(help: "chrome (Perfetto / chrome://tracing), jsonl (one event per line), text (the plain timeline).")
    var format: Format

    @Option(name: .shortAndLong, help: "Where to write (default: standard output).")
    var output: String?

    func run() throws {
        let loaded = try loadTrace(file)
        var out = OutputSink(path: output)
        switch format {
        case .chrome: ChromeTraceExporter(store: loaded.store).write { out.write($0) }
        case .jsonl: JSONLExporter(store: loaded.store).write { out.write($0 + "\n") }
        case .text: out.write(PlainReport(store: loaded.store).render())
        }
        do { try out.finish() } catch { throw fail("cannot write \(output ?? "output"): \(error)") }
    }
}

/// Loads a trace file or fails with a one-line error naming it (exit status 2).
func loadTrace(_ path: String) throws -> TraceDecoder.Loaded {
    do {
        let loaded = try TraceFileRecorder.read(path: path)
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
    private var handle: FileHandle?
    private var failure: (any Error)?

    init(path: String?) {
        self.path = path
        if let path {
            if FileManager.default.createFile(atPath: path, contents: nil) { handle = FileHandle(forWritingAtPath: path) }
            if handle == nil { failure = CocoaError(.fileWriteNoPermission) }
        } else {
            handle = FileHandle.standardOutput
        }
    }

    mutating func write(_ text: String) {
        buffer += text
        if buffer.utf8.count > 1 << 20 { flush() }
    }

    private mutating func flush() {
        guard failure == nil, let handle, !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: Data(buffer.utf8)) } catch { failure = error }
        buffer = ""
    }

    mutating func finish() throws {
        flush()
        if let failure { throw failure }
        if path != nil { try handle?.close() }
    }
}
