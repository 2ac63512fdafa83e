import Demos
import ArgumentParser
import Foundation
import Interleave
import InterleaveApp
import InterleaveTrace
import InterleaveUI

/// Reads a playlist file and turns each line into something the session can show: a demo to
/// run headless, or a recording read up front, so that a bad file fails before the screen opens.
struct PlaylistLoader {
    /// What `present` calls the playlist in messages: its path, or "built-in playlist".
    let label: String
    /// The folder that relative trace paths start from.
    let folder: String

    /// Reads and parses the file at `path`, failing with "FILE:LINE: what is wrong".
    static func read(path: String) throws -> (Playlist, PlaylistLoader) {
        let loader = PlaylistLoader(label: SafeName.escape(path), folder: (path as NSString).deletingLastPathComponent)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw fail("\(loader.label): no such file")
        }
        guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: path) else {
            throw fail("\(loader.label): not a readable file")
        }
        defer { try? handle.close() }
        // One byte more than allowed is enough to know a file is too large, whatever it is.
        let data: Data
        do { data = try handle.read(upToCount: Playlist.maximumBytes + 1) ?? Data() } catch {
            throw fail("\(loader.label): cannot read it")
        }
        guard data.count <= Playlist.maximumBytes else {
            throw fail("\(loader.label): over the \(Playlist.maximumBytes)-byte limit for a playlist")
        }
        do {
            return (try Playlist.parse(bytes: [UInt8](data)), loader)
        } catch {
            throw loader.failure(error, line: error.line)
        }
    }

    /// The built-in lesson.
    static func builtIn() throws -> (Playlist, PlaylistLoader) {
        let loader = PlaylistLoader(label: "built-in playlist", folder: ".")
        do { return (try Playlist.parse(DefaultPlaylist.text), loader) } catch {
            throw loader.failure(error, line: error.line)
        }
    }

    /// Resolves every item: demos by name, recordings read from disk; `speedFactor` scales each speed.
    func items(of playlist: Playlist, speedFactor: Double) throws -> [PresentationItem] {
        try playlist.items.map { item in
            let speed = PlaybackSpeed.clamped(item.speed * speedFactor)
            switch item.source {
            case .demo(let name):
                guard let demo = Catalogue.named(name) else {
                    throw failure(UnknownName.demo(name), line: item.line)
                }
                return PresentationItem(title: item.title ?? demo.title, speed: speed, stops: item.stops) {
                    Self.recordHeadless(demo)
                }
            case .trace(let path):
                let store = try readTrace(path, line: item.line)
                let header = store.header
                let title = item.title ?? [header.title, header.demoName, (path as NSString).lastPathComponent]
                    .first { !$0.isEmpty } ?? path
                return PresentationItem(title: title, speed: speed, stops: item.stops) { store }
            }
        }
    }

    /// Runs a demo to its end in virtual time (milliseconds of wall time), as `record` does.
    static func recordHeadless(_ demo: Demo) -> TraceStore {
        let loop = Loop(policy: .fifo)
        var header = loop.store.header
        header.seed = 1
        loop.store.header = header
        demo.start(on: loop, options: DemoOptions())
        loop.runUntilIdle()
        loop.close()
        return loop.store
    }

    private func readTrace(_ path: String, line: Int) throws -> TraceStore {
        let resolved = path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)
        do {
            let loaded = try TraceDecoder.decodeFile(atPath: resolved)
            if loaded.truncated {
                FileHandle.standardError.write(Data(
                    "interleave: \(label):\(line): \(SafeName.escape(path)) is truncated; using it up to its last whole block\n".utf8))
            }
            return loaded.store
        } catch {
            throw failure("\(SafeName.escape(path)): \(error)", line: line)
        }
    }

    private func failure(_ error: PlaylistError, line: Int) -> ExitCode {
        // The error's own text starts with "line N: "; here the file and line lead instead.
        let text = error.description
        let message = line > 0 && text.hasPrefix("line \(line): ") ? String(text.dropFirst("line \(line): ".count)) : text
        return failure(message, line: line)
    }

    private func failure(_ message: String, line: Int) -> ExitCode {
        fail(line > 0 ? "\(label):\(line): \(message)" : "\(label): \(message)")
    }
}
