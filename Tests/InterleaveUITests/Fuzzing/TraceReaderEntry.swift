import Foundation
@testable import InterleaveTrace
import InterleaveUI

/// What `interleave replay` and `interleave export` do with a trace file's bytes, in one call
/// shared by the libFuzzer target (`fuzz/run.sh trace-reader`) and the corpus regression tests.
///
/// Each input is read twice: as given, and with every whole block's checksum recomputed
/// ("resealed"), because a random mutation almost never keeps a CRC-32 valid and would otherwise
/// stop at the checksum instead of reaching the block parsers. A trace that loads is then walked
/// the way a replay walks it: every step folded, every event described, a frame drawn at the
/// start, middle and end, and the text, JSONL and Chrome exports written.
/// ```swift
/// for reading in TraceReaderEntry.exercise(bytes) { assert(reading.problem == nil) }
/// ```
enum TraceReaderEntry {
    /// How one reading of the bytes ended.
    enum Reading: Equatable {
        case loaded(events: Int, truncated: Bool)
        /// A `TraceFileError`'s text: what the user sees after "interleave: FILE: ".
        case refused(String)
        /// Anything else that was thrown: always a bug.
        case threwUnexpectedly(String)

        /// Why this reading breaks the reader's contract, or nil when it keeps it.
        var problem: String? {
            switch self {
            case .loaded: nil
            case .refused(let text) where text.isEmpty: "the error has no text"
            case .refused(let text) where text.contains(where: \.isNewline): "the error spans lines: \(text.debugDescription)"
            case .refused: nil
            case .threwUnexpectedly(let text): "the decoder threw something other than a TraceFileError: \(text)"
            }
        }
    }

    /// Reads `bytes` as given and, if that differs, resealed.
    static func exercise(_ bytes: [UInt8]) -> [Reading] {
        let sealed = resealed(bytes)
        return (sealed == bytes ? [bytes] : [bytes, sealed]).map(loadAndWalk)
    }

    /// Loads one input and, if it loads, walks it.
    static func loadAndWalk(_ bytes: [UInt8]) -> Reading {
        let loaded: TraceDecoder.Loaded
        do {
            loaded = try TraceDecoder.decode(bytes)
        } catch let error as TraceFileError {
            return .refused(error.description)
        } catch {
            return .threwUnexpectedly("\(error)")
        }
        walk(loaded.store)
        return .loaded(events: loaded.store.events.count, truncated: loaded.truncated)
    }

    /// Everything a replay and the exports read from a loaded store.
    static func walk(_ store: TraceStore) {
        let events = store.events.count
        for index in 0..<min(events, 20_000) { _ = EventText.describe(store.events[index], in: store) }
        let cursor = TraceCursor(store: store, minimumSpacing: 64)
        cursor.indexAll()
        for step in [0, cursor.totalSteps / 2, cursor.totalSteps] {
            cursor.seek(toStep: step)
            var state = AppState(replay: true, width: 80, height: 24)
            _ = state.reduce(.worldChanged(WorldFacts(store: store, world: cursor.world, latestStep: cursor.totalSteps)))
            _ = Screen.render(store: store, world: cursor.world, state: state, theme: .color, glyphs: .unicode, width: 80, height: 24)
        }
        cursor.seek(toEvent: events / 3)
        _ = PlainReport(store: store).render()
        JSONLExporter(store: store).write { _ in }
        ChromeTraceExporter(store: store).write { _ in }
    }

    /// `bytes` with the CRC-32 of every whole block recomputed; the framing is left as it is.
    static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        var copy = bytes
        var offset = TraceFileFormat.magic.count + 4
        while copy.count - offset >= 8 {
            let length = (0..<4).reduce(0) { $0 | Int(copy[offset + $1]) << (8 * $1) }
            guard length >= 1, length <= TraceFileFormat.maximumBlockSize, copy.count - offset - 8 >= length else { break }
            let payload = offset + 4
            let checksum = copy.withUnsafeBufferPointer { CRC32.checksum(UnsafeBufferPointer(rebasing: $0[payload..<(payload + length)])) }
            for byte in 0..<4 { copy[payload + length + byte] = UInt8(truncatingIfNeeded: checksum >> UInt32(8 * byte)) }
            offset = payload + length + 4
        }
        return copy
    }
}
