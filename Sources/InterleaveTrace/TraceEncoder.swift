/// Turns what a `TraceStore` has gained since the last call into trace-file blocks.
///
/// It only reads published entries, so it can run on its own thread while the loop records.
/// Tables are encoded before events, and their counts are read after the event count, so every
/// block of events refers only to entries already written.
/// ```swift
/// let encoder = TraceEncoder(store: store)
/// let bytes = encoder.fileStart() + encoder.encodeNew()
/// ```
public final class TraceEncoder {
    public let store: TraceStore
    private var written = (events: 0, tasks: 0, resources: 0, strings: 0, locations: 1, sources: 0)
    private var headerWritten = false
    /// Events per block: small enough to lose little to a crash, large enough to compress well.
    public var eventsPerBlock = 65_536

    public init(store: TraceStore) { self.store = store }

    /// The magic bytes and format version that open a file.
    public func fileStart() -> [UInt8] {
        var w = ByteWriter()
        w.bytes.append(contentsOf: TraceFileFormat.magic)
        w.byte(UInt8(TraceFileFormat.version & 0xFF))
        w.byte(UInt8(TraceFileFormat.version >> 8))
        w.byte(0)
        w.byte(0)
        return w.bytes
    }

    /// Blocks for everything published since the previous call (empty when nothing is new).
    public func encodeNew() -> [UInt8] {
        let eventCount = store.events.count
        var out: [UInt8] = []
        if !headerWritten {
            headerWritten = true
            out += block(.header) { w in
                let h = store.header
                w.string(h.demoName); w.string(h.title); w.varint(h.seed); w.string(h.schedule)
                w.string(h.toolVersion); w.varint(UInt64(max(0, h.terminalColumns))); w.varint(UInt64(max(0, h.terminalRows)))
                // Appended in a way older readers skip: they stop reading the block here.
                w.varint(UInt64(h.choices.count))
                for choice in h.choices { w.varint(UInt64(max(0, choice))) }
            }
        }
        let sources = store.sources
        if sources.count > written.sources {
            out += block(.sources) { w in
                w.varint(UInt64(sources.count - written.sources))
                for file in sources[written.sources...] { w.string(file.fileID); w.string(file.text) }
            }
            written.sources = sources.count
        }
        out += table(.locations, from: &written.locations, to: store.locations.count) { w, i in
            let l = store.locations[i]; w.string(l.fileID); w.varint(UInt64(max(0, l.line)))
        }
        out += table(.strings, from: &written.strings, to: store.strings.count) { w, i in w.string(store.strings[i]) }
        out += table(.tasks, from: &written.tasks, to: store.tasks.count) { w, i in
            let t = store.tasks[i]
            w.string(t.name); w.varint(UInt64(t.parent.rawValue &+ 1)); w.varint(UInt64(t.location.rawValue)); w.varint(UInt64(t.createdAt))
        }
        out += table(.resources, from: &written.resources, to: store.resources.count) { w, i in
            let r = store.resources[i]
            w.string(r.name); w.byte(r.kind.rawValue); w.signed(r.capacity); w.varint(UInt64(r.location.rawValue))
        }
        while written.events < eventCount {
            let end = min(eventCount, written.events + eventsPerBlock)
            out += eventBlock(written.events..<end)
            written.events = end
        }
        return out
    }

    private func table(_ kind: TraceFileFormat.BlockKind, from start: inout Int, to end: Int,
                       _ entry: (inout ByteWriter, Int) -> Void) -> [UInt8] {
        guard end > start else { return [] }
        let first = start
        start = end
        return block(kind) { w in
            w.varint(UInt64(end - first))
            for i in first..<end { entry(&w, i) }
        }
    }

    private func eventBlock(_ range: Range<Int>) -> [UInt8] {
        block(.events) { w in
            w.varint(UInt64(range.count))
            var previousTime: Int64 = 0
            var previousTask: Int64 = 0
            store.events.withRuns(in: range) { run, _ in
                for e in run {
                    w.byte(e.kind.rawValue)
                    w.signed(e.time &- previousTime)
                    let task = Int64(e.task.rawValue &+ 1)
                    w.signed(task &- previousTask)
                    w.varint(UInt64(e.resource.rawValue &+ 1))
                    let arg = e.kind == .taskSleeping ? e.arg &- e.time : (e.arg == Int64(UInt32.max) ? -1 : e.arg)
                    w.signed(arg)
                    w.varint(UInt64(e.location.rawValue))
                    previousTime = e.time
                    previousTask = task
                }
            }
        }
    }

    /// Frames a block: payload length, kind, payload, CRC-32 of kind and payload.
    private func block(_ kind: TraceFileFormat.BlockKind, _ fill: (inout ByteWriter) -> Void) -> [UInt8] {
        var payload = ByteWriter()
        payload.byte(kind.rawValue)
        fill(&payload)
        var framed = ByteWriter()
        framed.uint32(UInt32(payload.bytes.count))
        framed.bytes.append(contentsOf: payload.bytes)
        framed.uint32(payload.bytes.withUnsafeBufferPointer { CRC32.checksum($0) })
        return framed.bytes
    }
}
