import Foundation
import Synchronization

/// Streams a trace to a file while it is being recorded, flushing at least every 100 ms.
///
/// It runs on a thread of its own and only reads the store, so the loop pays nothing for it.
/// Each flush appends whole, checksummed blocks with one `write`, so a recorder killed at any
/// moment leaves a file that reads up to its last flush.
/// ```swift
/// let file = try TraceFileRecorder(path: "run.itrace", store: loop.store)
/// file.start()
/// // … the loop runs …
/// try file.finish()
/// ```
public final class TraceFileRecorder: @unchecked Sendable {
    public let path: String
    private let encoder: TraceEncoder
    private let descriptor: Int32
    private let stopping = Atomic<Bool>(false)
    private let done = Atomic<Bool>(false)
    private let failure = Mutex<String?>(nil)
    private var thread: Thread?
    /// How often pending events are written.
    public var flushInterval: TimeInterval = 0.05

    /// Creates (or truncates) the file and writes its opening bytes; throws a one-line error.
    /// `exclusive` refuses a path that exists already rather than truncating it.
    public convenience init(path: String, store: TraceStore, exclusive: Bool = false) throws {
        try self.init(path: path, writingTo: path, store: store, exclusive: exclusive)
    }

    /// Records into `file`'s temporary name, for a command whose trace should appear whole or
    /// not at all; errors name the path asked for. The caller commits or discards `file` after
    /// `finish`.
    public convenience init(staging file: StagedFile, store: TraceStore) throws {
        try self.init(path: file.path, writingTo: file.writingPath, store: store, exclusive: file.isStaged)
    }

    private init(path: String, writingTo target: String, store: TraceStore, exclusive: Bool) throws {
        self.path = path
        encoder = TraceEncoder(store: store)
        // open(2), not FileManager.createFile: that writes a temporary file and renames it over
        // the path, which replaces a symlink or a device such as /dev/full instead of writing to it.
        let descriptor = open(target, O_WRONLY | O_CREAT | (exclusive ? O_EXCL : O_TRUNC) | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw TraceFileError.unreadable("cannot write \(path): \(Self.lastErrorText())") }
        self.descriptor = descriptor
        do {
            try write(encoder.fileStart())
        } catch {
            close(descriptor)
            throw TraceFileError.unreadable("cannot write \(path): \(error)")
        }
    }

    /// Which store this file records.
    public var storeIdentity: ObjectIdentifier { ObjectIdentifier(encoder.store) }

    /// The first write error, if any: recording stops, the run goes on.
    public var error: String? { failure.withLock { $0 } }

    public func start() {
        let thread = Thread { [self] in
            // A write error ends recording, so the thread ends too rather than idling until `finish`.
            while !stopping.load(ordering: .acquiring) && error == nil {
                flush()
                Thread.sleep(forTimeInterval: flushInterval)
            }
            done.store(true, ordering: .releasing)
        }
        thread.name = "interleave-recorder"
        self.thread = thread
        thread.start()
    }

    /// Writes everything recorded so far (from any one thread at a time).
    public func flush() {
        guard error == nil else { return }
        let bytes = encoder.encodeNew()
        guard !bytes.isEmpty else { return }
        do { try write(bytes) } catch { failure.withLock { $0 = "recording to \(path) failed: \(error)" } }
    }

    /// Stops the flushing thread, writes the rest and closes the file; call it once.
    public func finish() throws {
        if thread != nil {
            stopping.store(true, ordering: .releasing)
            while !done.load(ordering: .acquiring) { Thread.sleep(forTimeInterval: 0.001) }
            // The thread keeps its closure, which holds self: dropping it ends that cycle, which
            // otherwise kept every finished recorder, its encoder and its store alive.
            thread = nil
        }
        flush()
        close(descriptor)
        if let error { throw TraceFileError.unreadable(error) }
    }

    /// Writes all of `bytes`; a block cut short by an error is left torn at the end, where the
    /// reader treats it as a truncated file.
    private func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { throw TraceFileError.unreadable(written == 0 ? "the file takes no more bytes" : Self.lastErrorText()) }
                offset += written
            }
        }
    }

    private static func lastErrorText() -> String { String(cString: strerror(errno)) }

    /// Records a finished store to a file in one go.
    public static func write(_ store: TraceStore, to path: String) throws {
        let recorder = try TraceFileRecorder(path: path, store: store)
        try recorder.finish()
    }
}

/// write(2), named apart from the recorder's own `write` methods.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
