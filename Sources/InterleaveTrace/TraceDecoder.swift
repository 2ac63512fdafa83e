/// Reads trace-file bytes back into a `TraceStore`, validating everything it reads.
///
/// Every id an event carries is checked against the tables read so far, so no view can be
/// handed an index out of range. A file cut short (a recorder killed mid-write) loads up to its
/// last whole block and says so; corruption anywhere else is an error.
/// ```swift
/// let loaded = try TraceDecoder.decode(bytes)
/// loaded.store.events.count
/// loaded.truncated   // true if the last block was incomplete
/// ```
public enum TraceDecoder {
    /// A decoded trace, and whether its end was cut off.
    public struct Loaded {
        public let store: TraceStore
        public let truncated: Bool
    }

    public static func decode(_ bytes: [UInt8]) throws -> Loaded {
        guard !bytes.isEmpty else { throw TraceFileError.empty }
        guard bytes.count <= TraceFileFormat.maximumFileSize else { throw TraceFileError.tooLarge(bytes.count) }
        return try bytes.withUnsafeBufferPointer { buffer in try decode(buffer) }
    }

    static func decode(_ buffer: UnsafeBufferPointer<UInt8>) throws -> Loaded {
        let magic = TraceFileFormat.magic
        guard buffer.count >= magic.count + 4, Array(buffer[0..<magic.count]) == magic else {
            throw TraceFileError.notATrace
        }
        let version = UInt16(buffer[magic.count]) | UInt16(buffer[magic.count + 1]) << 8
        guard version <= TraceFileFormat.version else { throw TraceFileError.newerVersion(version) }
        let store = TraceStore()
        let recorder = TraceRecorder(store: store)
        var offset = magic.count + 4
        var truncated = false
        while offset < buffer.count {
            guard buffer.count - offset >= 4 else { truncated = true; break }
            var lengthReader = ByteReader(buffer, from: offset)
            let length = Int(try lengthReader.uint32())
            guard length >= 1, length <= TraceFileFormat.maximumBlockSize else {
                throw TraceFileError.malformed("block at byte \(offset) claims \(length) bytes")
            }
            guard buffer.count - offset - 4 >= length + 4 else { truncated = true; break }
            let payloadStart = offset + 4
            let payload = UnsafeBufferPointer(rebasing: buffer[payloadStart..<(payloadStart + length)])
            var crcReader = ByteReader(buffer, from: payloadStart + length)
            guard try crcReader.uint32() == CRC32.checksum(payload) else {
                throw TraceFileError.malformed("checksum mismatch in block at byte \(offset)")
            }
            var reader = ByteReader(buffer, from: payloadStart, to: payloadStart + length)
            try readBlock(&reader, into: store, recorder: recorder)
            offset = payloadStart + length + 4
        }
        return Loaded(store: store, truncated: truncated)
    }

    private static func readBlock(_ r: inout ByteReader, into store: TraceStore, recorder: TraceRecorder) throws {
        guard let kind = TraceFileFormat.BlockKind(rawValue: try r.byte()) else {
            throw TraceFileError.malformed("unknown block kind")
        }
        switch kind {
        case .header:
            var h = TraceHeader()
            h.demoName = try r.string(); h.title = try r.string(); h.seed = try r.varint(); h.schedule = try r.string()
            h.toolVersion = try r.string()
            h.terminalColumns = Int(min(try r.varint(), 10_000)); h.terminalRows = Int(min(try r.varint(), 10_000))
            // Files written before schedules were stored end the block here.
            if r.remaining > 0 {
                for _ in 0..<(try r.count(max: r.remaining)) { h.choices.append(Int(min(try r.varint(), 1 << 20))) }
            }
            store.header = h
        case .sources:
            for _ in 0..<(try r.count(max: r.remaining)) {
                store.addSource(SourceFile(fileID: try r.string(), text: try r.string()))
            }
        case .locations:
            for _ in 0..<(try r.count(max: r.remaining)) {
                let fileID = try r.string()
                let line = Int(min(try r.varint(), 1 << 31))
                guard store.locations.count <= Int(UInt16.max) else { throw TraceFileError.malformed("too many locations") }
                store.locations.append(SourceLocation(fileID: fileID, line: line))
            }
        case .strings:
            for _ in 0..<(try r.count(max: r.remaining)) { store.strings.append(try r.string()) }
        case .tasks:
            for _ in 0..<(try r.count(max: r.remaining)) {
                let name = try r.string()
                let parent = TaskID(rawValue: UInt32(truncatingIfNeeded: try r.varint() &- 1))
                guard parent.isNone || parent.index < store.tasks.count else { throw TraceFileError.malformed("task parent out of range") }
                let location = LocationID(rawValue: UInt16(truncatingIfNeeded: try r.varint()))
                let createdAt = UInt32(truncatingIfNeeded: try r.varint())
                store.tasks.append(TaskInfo(name: name, parent: parent, location: location, createdAt: createdAt))
            }
        case .resources:
            for _ in 0..<(try r.count(max: r.remaining)) {
                let name = try r.string()
                guard let kind = ResourceKind(rawValue: try r.byte()) else { throw TraceFileError.malformed("unknown resource kind") }
                let capacity = try r.signed()
                let location = LocationID(rawValue: UInt16(truncatingIfNeeded: try r.varint()))
                store.resources.append(ResourceInfo(name: name, kind: kind, capacity: capacity, location: location))
            }
        case .events:
            try readEvents(&r, store: store, recorder: recorder)
        }
    }

    private static func readEvents(_ r: inout ByteReader, store: TraceStore, recorder: TraceRecorder) throws {
        let count = try r.count(max: r.remaining / 6)
        guard store.events.count + count <= ChunkedLog<TraceEvent>.capacity else { throw TraceFileError.malformed("too many events") }
        let tasks = store.tasks.count, resources = store.resources.count
        var time: Int64 = 0
        var task: Int64 = 0
        for _ in 0..<count {
            guard let kind = EventKind(rawValue: try r.byte()) else { throw TraceFileError.malformed("unknown event kind") }
            time &+= try r.signed()
            task &+= try r.signed()
            let taskID = TaskID(rawValue: UInt32(truncatingIfNeeded: task &- 1))
            let resource = ResourceID(rawValue: UInt32(truncatingIfNeeded: try r.varint() &- 1))
            guard taskID.isNone || taskID.index < tasks, resource.isNone || resource.index < resources else {
                throw TraceFileError.malformed("event refers to an unknown task or resource")
            }
            var arg = try r.signed()
            arg = kind == .taskSleeping ? arg &+ time : (arg == -1 ? Int64(UInt32.max) : arg)
            let location = LocationID(rawValue: UInt16(truncatingIfNeeded: try r.varint()))
            recorder.appendEvent(TraceEvent(time: time, kind: kind, task: taskID, resource: resource, arg: arg, location: location))
        }
    }
}
