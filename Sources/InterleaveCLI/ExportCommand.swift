import ArgumentParser
import Foundation
import Interleave
import InterleaveApp
import InterleaveUI

/// `interleave export FILE --format chrome|cast|jsonl|text|svg -o OUT`: a trace in another format.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Convert a trace file for Perfetto, inspection or handouts.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case chrome, cast, jsonl, text, svg
    }

    @Argument(help: "The trace file to read.")
    var file: String

    @Option(help: "chrome (Perfetto / chrome://tracing), cast (asciicast v2 of the replay, for asciinema), jsonl (one event per line), text (the plain timeline), svg (the whole timeline as a picture, or with --at one screen).")
    var format: Format

    @Option(name: .shortAndLong, help: "Where to write (default: standard output).")
    var output: String?

    @Flag(help: "text: print the demo's captions among its output, in time order, so the report reads as a handout.")
    var captions = false

    @Option(help: "svg: draw the full replay screen at this instant instead of the timeline: a time (1.5s, 250ms) or step:N.")
    var at: String?

    @Option(help: "cast and svg --at: terminal columns, \(CastExporter.widths.lowerBound) to \(CastExporter.widths.upperBound).")
    var width = CastExporter.defaultWidth

    @Option(help: "cast and svg --at: terminal rows, \(CastExporter.heights.lowerBound) to \(CastExporter.heights.upperBound).")
    var height = CastExporter.defaultHeight

    @Option(help: "cast: playback speed, from \(PlaybackSpeed.rangeText).")
    var speed: Double = 1

    @Option(parsing: .unconditional, help: "cast: frames per second of cast time while the screen changes, \(CastExporter.framesPerSecondRange.lowerBound) to \(CastExporter.framesPerSecondRange.upperBound).")
    var fps = 20

    @Option(name: .customLong("idle-limit"), parsing: .unconditional, help: "cast: play any stretch without an event in at most this many seconds (the clock runs faster through it), from 0.1 to 3600; default 60.")
    var idleLimit: Double?

    /// The cast options' limits, checked before the file is read; one line and status 2 each.
    func checkCastOptions() throws {
        guard CastExporter.widths.contains(width) else {
            throw fail("--width must be between \(CastExporter.widths.lowerBound) and \(CastExporter.widths.upperBound)")
        }
        guard CastExporter.heights.contains(height) else {
            throw fail("--height must be between \(CastExporter.heights.lowerBound) and \(CastExporter.heights.upperBound)")
        }
        guard PlaybackSpeed.range.contains(speed) else { throw fail(PlaybackSpeed.outOfRangeMessage) }
        guard CastExporter.framesPerSecondRange.contains(fps) else {
            throw fail("--fps must be between \(CastExporter.framesPerSecondRange.lowerBound) and \(CastExporter.framesPerSecondRange.upperBound)")
        }
        if let idleLimit, !CastExporter.idleLimits.contains(idleLimit) {
            throw fail("--idle-limit must be between 0.1 and 3600 seconds")
        }
    }

    /// `--at` as an instant, refused in one line when it is not one or not for svg.
    func instant() throws -> TraceInstant? {
        guard let at else { return nil }
        guard format == .svg else { throw fail("--at is for --format svg") }
        guard let instant = TraceInstant(parsing: at) else {
            throw fail("--at wants a time such as 1.5s or 250ms, or step:N, not \(SafeName.escape(at))")
        }
        return instant
    }

    func run() throws {
        try checkCastOptions()
        let instant = try instant()
        let loaded = try loadTrace(file)
        var out = OutputSink(path: output)
        switch format {
        case .chrome: ChromeTraceExporter(store: loaded.store).write { out.write($0) }
        case .cast:
            let exporter = CastExporter(
                width: width, height: height, speed: speed, framesPerSecond: fps, idleLimit: idleLimit,
                timestamp: Int(Date().timeIntervalSince1970))
            exporter.write(loaded.store) { out.write($0) }
        case .jsonl: JSONLExporter(store: loaded.store).write { out.write($0 + "\n") }
        case .text: out.write(PlainReport(store: loaded.store, includesCaptions: captions).render())
        case .svg: out.write(svg(loaded.store, at: instant))
        }
        do { try out.finish() } catch { throw fail("cannot write \(output ?? "output"): \(error)") }
    }
}

extension ExportCommand {
    /// The timeline picture, or with `--at` the replay screen at that instant.
    func svg(_ store: TraceStore, at instant: TraceInstant?) -> String {
        guard let instant else { return SVGTimeline(store: store).render() }
        let buffer = InstantFrame.render(store: store, at: instant, width: width, height: height)
        let name = store.header.demoName.isEmpty ? "interleave replay" : "interleave: " + store.header.demoName
        return SVGScreen(buffer: buffer, title: "\(name) at \(instant.description)").render()
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
