import Foundation
import Testing
@testable import InterleaveTrace

/// The committed libFuzzer corpus and crashers (fuzz/), replayed as regression cases through the
/// same entry the fuzzer calls: every file loads or is refused with a one-line error, never crashes.
@Suite struct FuzzCorpusTests {
    static let fuzzFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fuzz")

    /// Every file of `fuzz/corpus/TARGET` and `fuzz/crashers/TARGET`, as paths relative to fuzz/.
    static func inputs(of target: String) -> [String] {
        ["corpus", "crashers"].flatMap { kind -> [String] in
            let folder = fuzzFolder.appendingPathComponent(kind).appendingPathComponent(target)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(kind)/\(target)/\($0)" }
        }
    }

    static func bytes(of input: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fuzzFolder.appendingPathComponent(input)))
    }

    @Test(arguments: inputs(of: "trace-reader"))
    func traceInputLoadsOrIsRefusedInOneLine(input: String) throws {
        for reading in TraceReaderEntry.exercise(try Self.bytes(of: input)) {
            #expect(reading.problem == nil, "\(input)")
        }
        // The path the CLI takes (`interleave replay FILE`) agrees with the in-memory reading.
        let path = Self.fuzzFolder.appendingPathComponent(input).path
        let direct: TraceReaderEntry.Reading
        do {
            let loaded = try TraceDecoder.decodeFile(atPath: path)
            direct = .loaded(events: loaded.store.events.count, truncated: loaded.truncated)
        } catch let error as TraceFileError {
            direct = .refused(error.description)
        }
        #expect(direct == TraceReaderEntry.loadAndWalk(try Self.bytes(of: input)))
    }

    /// The corpus is there and still reaches both sides of the reader, so the replay above means something.
    @Test func traceCorpusHoldsTracesThatLoadAndInputsThatAreRefused() throws {
        let readings = try Self.inputs(of: "trace-reader").flatMap { TraceReaderEntry.exercise(try Self.bytes(of: $0)) }
        #expect(readings.count >= 50)
        #expect(readings.contains { if case .loaded(let events, _) = $0 { events > 0 } else { false } })
        #expect(readings.contains { if case .loaded(_, true) = $0 { true } else { false } })
        #expect(readings.contains { if case .refused = $0 { true } else { false } })
    }

    @Test func resealingRepairsAFlippedPayloadByteButKeepsTheFraming() throws {
        let store = TraceStore(header: TraceHeader(demoName: "reseal"))
        let recorder = TraceRecorder(store: store)
        let main = recorder.createTask(name: "main", parent: .none, at: 0)
        recorder.record(.taskReturned, task: main, at: 1)
        let encoder = TraceEncoder(store: store)
        var bytes = encoder.fileStart() + encoder.encodeNew()
        bytes[TraceFileFormat.magic.count + 4 + 4 + 2] ^= 0x01  // a byte inside the header block's payload
        #expect(throws: TraceFileError.self) { try TraceDecoder.decode(bytes) }
        let sealed = TraceReaderEntry.resealed(bytes)
        #expect(sealed.count == bytes.count)
        #expect(try TraceDecoder.decode(sealed).store.events.count == 2)
    }
}
