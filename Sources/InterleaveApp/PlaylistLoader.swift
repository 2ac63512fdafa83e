import Foundation
import InterleaveTrace

/// Reads a playlist file and turns each line into something the session can show: a demo to
/// run headless, or a recording read up front, so that a bad file fails before the screen opens.
///
/// The demos a playlist may name come from the caller (the `interleave` program passes its
/// catalogue), so this target needs no demos of its own.
/// ```swift
/// let loader = PlaylistLoader(label: "lesson.playlist", folder: ".", demos: shelf)
/// let items = try loader.items(of: try Playlist.parse("demo gather speed=2"), speedFactor: 1)
/// ```
public struct PlaylistLoader {
    /// What messages call the playlist: its path as given, or "built-in playlist".
    public let label: String
    /// The folder that relative trace paths start from.
    public let folder: String
    let demos: PlaylistDemos
    /// Hears a warning that does not stop the presentation (a truncated recording).
    let warn: (String) -> Void

    public init(label: String, folder: String, demos: PlaylistDemos, warn: @escaping (String) -> Void = { _ in }) {
        self.label = label
        self.folder = folder
        self.demos = demos
        self.warn = warn
    }

    /// Reads and parses the file at `path`; a failure reads "FILE:LINE: what is wrong".
    public static func read(
        path: String, demos: PlaylistDemos, warn: @escaping (String) -> Void = { _ in }
    ) throws(PlaylistLoadError) -> (Playlist, PlaylistLoader) {
        let loader = PlaylistLoader(label: path, folder: (path as NSString).deletingLastPathComponent, demos: demos, warn: warn)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw loader.failure("no such file", line: 0)
        }
        guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: path) else {
            throw loader.failure("not a readable file", line: 0)
        }
        defer { try? handle.close() }
        // One byte more than allowed is enough to know a file is too large, whatever it is.
        let data: Data
        do { data = try handle.read(upToCount: Playlist.maximumBytes + 1) ?? Data() } catch {
            throw loader.failure("cannot read it", line: 0)
        }
        guard data.count <= Playlist.maximumBytes else {
            throw loader.failure("over the \(Playlist.maximumBytes)-byte limit for a playlist", line: 0)
        }
        do {
            return (try Playlist.parse(bytes: [UInt8](data)), loader)
        } catch {
            throw loader.failure(error, line: error.line)
        }
    }

    /// The built-in lesson (`DefaultPlaylist`).
    public static func builtIn(demos: PlaylistDemos) throws(PlaylistLoadError) -> (Playlist, PlaylistLoader) {
        let loader = PlaylistLoader(label: "built-in playlist", folder: ".", demos: demos)
        do { return (try Playlist.parse(DefaultPlaylist.text), loader) } catch {
            throw loader.failure(error, line: error.line)
        }
    }

    /// Resolves every item: demos by name, recordings read from disk; `speedFactor` scales each speed.
    public func items(of playlist: Playlist, speedFactor: Double) throws(PlaylistLoadError) -> [PresentationItem] {
        var items: [PresentationItem] = []
        for item in playlist.items {
            let speed = PlaybackSpeed.clamped(item.speed * speedFactor)
            switch item.source {
            case .demo(let name):
                guard let demo = demos.named(name) else { throw failure(demos.unknownNameMessage(name), line: item.line) }
                let run = demo.run
                items.append(PresentationItem(title: item.title ?? demo.title, speed: speed, stops: item.stops, predict: item.predict) {
                    run.run().store
                })
            case .trace(let path):
                let store = try readTrace(path, line: item.line)
                let header = store.header
                let title = item.title ?? [header.title, header.demoName, (path as NSString).lastPathComponent]
                    .first { !$0.isEmpty } ?? path
                items.append(PresentationItem(title: title, speed: speed, stops: item.stops, predict: item.predict) { store })
            case .python(let path):
                let resolved = path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)
                let entry: PlaylistDemos.Entry
                switch demos.program(resolved) {
                case .success(let found): entry = found
                case .failure(let error): throw failure(error.message, line: item.line)
                }
                let run = entry.run
                items.append(PresentationItem(title: item.title ?? entry.title, speed: speed, stops: item.stops, predict: item.predict) {
                    run.run().store
                })
            }
        }
        return items
    }

    private func readTrace(_ path: String, line: Int) throws(PlaylistLoadError) -> TraceStore {
        let resolved = path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)
        do {
            let loaded = try TraceDecoder.decodeFile(atPath: resolved)
            if loaded.truncated { warn("\(label):\(line): \(path) is truncated; using it up to its last whole block") }
            return loaded.store
        } catch {
            throw failure("\(path): \(error)", line: line)
        }
    }

    private func failure(_ error: PlaylistError, line: Int) -> PlaylistLoadError {
        // The error's own text starts with "line N: "; here the file and line lead instead.
        let text = error.description
        let message = line > 0 && text.hasPrefix("line \(line): ") ? String(text.dropFirst("line \(line): ".count)) : text
        return failure(message, line: line)
    }

    private func failure(_ message: String, line: Int) -> PlaylistLoadError {
        PlaylistLoadError(message: line > 0 ? "\(label):\(line): \(message)" : "\(label): \(message)")
    }
}

/// Why a playlist cannot be presented, as one line: "lesson.playlist:3: unknown demo 'gathr'…".
/// It quotes paths and names as written: a program printing it to a terminal escapes it first.
public struct PlaylistLoadError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    public init(message: String) { self.message = message }
}
