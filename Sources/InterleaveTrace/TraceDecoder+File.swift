import Foundation

extension TraceDecoder {
    /// Reads and decodes a trace file: one-line errors for anything that is not a whole, valid
    /// trace. The size is checked before the file is read, so a huge file is refused unread.
    ///
    /// ```swift
    /// let loaded = try TraceDecoder.decodeFile(atPath: "run.itrace")
    /// ```
    public static func decodeFile(atPath path: String) throws -> Loaded {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let size = attributes?[.size] as? Int else { throw TraceFileError.unreadable("cannot read \(path)") }
        guard size <= TraceFileFormat.maximumFileSize else { throw TraceFileError.tooLarge(size) }
        guard let data = FileManager.default.contents(atPath: path) else { throw TraceFileError.unreadable("cannot read \(path)") }
        return try decode([UInt8](data))
    }
}
