/// Constants of the trace file format (see `docs/trace-format.md`).
public enum TraceFileFormat {
    /// The first 8 bytes of every trace file.
    public static let magic: [UInt8] = Array("ILTRACE\n".utf8)
    /// Bumped when a reader of the previous version could not read the file.
    public static let version: UInt16 = 1
    /// Files larger than this are refused before reading.
    public static let maximumFileSize = 4 << 30
    /// No block may claim more bytes than this.
    public static let maximumBlockSize = 64 << 20

    /// What a block holds; its byte follows the block's length.
    enum BlockKind: UInt8 {
        case header = 1, tasks = 2, resources = 3, strings = 4, locations = 5, sources = 6, events = 7
    }
}

/// Why a trace file could not be read, in words fit for a one-line error.
public enum TraceFileError: Error, CustomStringConvertible, Equatable {
    case empty
    case notATrace
    case newerVersion(UInt16)
    case tooLarge(Int)
    case malformed(String)
    case unreadable(String)

    public var description: String {
        switch self {
        case .empty: "the file is empty"
        case .notATrace: "not an Interleave trace (bad magic bytes)"
        case .newerVersion(let v): "trace format version \(v) is newer than this Interleave reads (\(TraceFileFormat.version))"
        case .tooLarge(let size): "file is too large (\(size) bytes; the limit is \(TraceFileFormat.maximumFileSize))"
        case .malformed(let why): "corrupt trace: \(why)"
        case .unreadable(let why): why
        }
    }
}
