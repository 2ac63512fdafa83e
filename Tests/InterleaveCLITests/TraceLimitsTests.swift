import Foundation
import InterleaveTrace
import Testing

/// Trace files that claim more than they hold, or more than any trace may be, are refused with
/// a one-line error before anything that size is allocated (the program runs under a 1 GB
/// address-space cap, see `MeasuredRun`).
struct TraceLimitsTests {
    private static func scratchPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8)).itrace").path
    }

    /// Runs `replay` and `export` on `path` and checks each refuses it in one line, cheaply.
    private func expectRefused(_ path: String, saying message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        for arguments in [["replay", path], ["export", path, "--format", "jsonl"]] {
            let result = try MeasuredRun(arguments)
            #expect(result.status == 2, "\(arguments[0]): \(result.errors)", sourceLocation: sourceLocation)
            #expect(result.errors.split(separator: "\n").count == 1, "\(result.errors)", sourceLocation: sourceLocation)
            #expect(result.errors.hasPrefix("interleave: \(path): "), "\(result.errors)", sourceLocation: sourceLocation)
            #expect(result.errors.contains(message), "\(result.errors)", sourceLocation: sourceLocation)
            #expect(result.output.isEmpty, sourceLocation: sourceLocation)
        }
    }

    @Test func aFileOverTheSizeLimitIsRefusedUnread() throws {
        let path = Self.scratchPath("huge")
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Sparse: a valid start, then a hole up to one byte past the limit, costing no disk.
        #expect(FileManager.default.createFile(atPath: path, contents: Data(Self.fileStart)))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(TraceFileFormat.maximumFileSize) + 1)
        try handle.close()
        try expectRefused(path, saying: "file is too large")
    }

    /// Blocks whose counts claim far more entries than their bytes could hold.
    @Test(arguments: [
        ("events", 7), ("tasks", 2), ("resources", 3), ("strings", 4), ("locations", 5), ("sources", 6),
        ("header's demo name length", 1),
    ] as [(String, UInt8)])
    func anAbsurdCountIsRefused(_ block: String, kind: UInt8) throws {
        let path = Self.scratchPath("absurd-\(kind)")
        defer { try? FileManager.default.removeItem(atPath: path) }
        // 50 million: plausible for a real trace, so only the block's own size can expose it.
        let payload = [kind] + Self.varint(50_000_000) + [UInt8](repeating: 0, count: 32)
        try Data(Self.fileStart + Self.block(payload)).write(to: URL(fileURLWithPath: path))
        try expectRefused(path, saying: "exceeds limit")
    }

    @Test func aBlockClaimingGigabytesIsRefused() throws {
        let path = Self.scratchPath("giant-block")
        defer { try? FileManager.default.removeItem(atPath: path) }
        // The length says 4 GiB; the file holds a few bytes more.
        try Data(Self.fileStart + [0xFF, 0xFF, 0xFF, 0xFF, 7, 1, 2, 3]).write(to: URL(fileURLWithPath: path))
        try expectRefused(path, saying: "claims 4294967295 bytes")
    }

    // MARK: Writing trace bytes by hand (see docs/trace-format.md)

    static var fileStart: [UInt8] {
        TraceFileFormat.magic + [UInt8(TraceFileFormat.version & 0xFF), UInt8(TraceFileFormat.version >> 8), 0, 0]
    }

    /// A block: payload length, payload, CRC-32 of the payload.
    static func block(_ payload: [UInt8]) -> [UInt8] {
        littleEndian(UInt32(payload.count)) + payload + littleEndian(crc32(payload))
    }

    static func varint(_ value: UInt64) -> [UInt8] {
        var bytes: [UInt8] = []
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        return bytes + [UInt8(rest)]
    }

    static func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    /// CRC-32 (IEEE, reflected), bit by bit: slow, and small enough to check by eye.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
