import Foundation
import Interleave
import InterleaveApp
import InterleaveTrace
import Testing

/// Playlists read into presentation items: demos from the caller's catalogue, recordings from
/// disk relative to the playlist, and one "FILE:LINE: what" line for each way a file is wrong.
@Suite struct PlaylistLoaderTests {
    /// Any name but "nosuch" is a one-second demo titled after it.
    static let demos = PlaylistDemos(
        named: { name in
            name == "nosuch" ? nil : .init(title: "The \(name) demo", run: HeadlessRun { loop in
                loop.spawn("main") { try await sleep(for: .seconds(1)) }
            })
        },
        unknownNameMessage: { "unknown demo '\($0)'" }
    )

    /// A fresh folder holding the given files; removed by the caller.
    static func folder(_ files: [String: String] = [:]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("playlist-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    static func message(_ body: () throws -> Void) -> String? {
        do { try body() } catch let error as PlaylistLoadError { return error.message } catch { return "unexpected \(error)" }
        return nil
    }

    @Test func theBuiltInLessonNamesOnlyTheGivenCatalogue() throws {
        let (list, loader) = try PlaylistLoader.builtIn(demos: Self.demos)
        let items = try loader.items(of: list, speedFactor: 1)
        #expect(items.count == list.items.count && items.count > 10)
        #expect(items[0].title == "Coroutines: await sleep leaves the loop free", "the playlist's own title wins")
        #expect(loader.label == "built-in playlist")
        // A demo item runs headless when its trace is asked for.
        #expect(items[0].makeTrace().events.count > 0)
    }

    @Test func demoItemsTakeTheDemoTitleAndAScaledClampedSpeed() throws {
        let folder = try Self.folder(["a.playlist": "demo hello speed=2\ndemo other speed=64\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let (list, loader) = try PlaylistLoader.read(path: folder.appendingPathComponent("a.playlist").path, demos: Self.demos)
        let items = try loader.items(of: list, speedFactor: 2)
        #expect(items.map(\.title) == ["The hello demo", "The other demo"])
        #expect(items[0].speed == 4)
        #expect(items[1].speed == PlaybackSpeed.range.upperBound)
        #expect(PlaybackSpeed.range.contains(items[1].speed))
    }

    @Test func aRecordingIsReadRelativeToThePlaylistAndTitledFromItsHeader() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var run = HeadlessRun { $0.spawn("main") { try await sleep(for: .seconds(1)) } }
        run.seed = 4
        _ = try run.run(injecting: [], recordingTo: folder.appendingPathComponent("nap.itrace").path)
        try Data("trace nap.itrace\n".utf8).write(to: folder.appendingPathComponent("b.playlist"))
        let (list, loader) = try PlaylistLoader.read(path: folder.appendingPathComponent("b.playlist").path, demos: Self.demos)
        let items = try loader.items(of: list, speedFactor: 1)
        #expect(items.map(\.title) == ["nap.itrace"], "no title in the header: the file's name")
        #expect(items[0].makeTrace().header.seed == 4)
    }

    @Test func aTruncatedRecordingIsUsedWithAWarning() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let trace = folder.appendingPathComponent("cut.itrace")
        _ = try HeadlessRun { $0.spawn("main") { try await sleep(for: .seconds(1)) } }.run(injecting: [], recordingTo: trace.path)
        let bytes = try Data(contentsOf: trace)
        try bytes.dropLast(3).write(to: trace)
        try Data("trace cut.itrace\n".utf8).write(to: folder.appendingPathComponent("c.playlist"))
        let warnings = Lines()
        let path = folder.appendingPathComponent("c.playlist").path
        let (list, loader) = try PlaylistLoader.read(path: path, demos: Self.demos, warn: warnings.append)
        _ = try loader.items(of: list, speedFactor: 1)
        #expect(warnings.all == ["\(path):1: cut.itrace is truncated; using it up to its last whole block"])
    }

    @Test func eachWayAFileIsWrongIsOneLineNamingIt() throws {
        let folder = try Self.folder([
            "unknown.playlist": "demo hello\ndemo nosuch\n",
            "bad.playlist": "demo hello\nplay something\n",
            "big.playlist": String(repeating: "#", count: Playlist.maximumBytes + 1),
            "missing-trace.playlist": "trace gone.itrace\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        func load(_ name: String) throws(PlaylistLoadError) {
            let (list, loader) = try PlaylistLoader.read(path: path(name), demos: Self.demos)
            _ = try loader.items(of: list, speedFactor: 1)
        }
        #expect(Self.message { try load("none.playlist") } == "\(path("none.playlist")): no such file")
        #expect(Self.message { _ = try PlaylistLoader.read(path: folder.path, demos: Self.demos) } == "\(folder.path): not a readable file")
        #expect(Self.message { try load("big.playlist") }?.hasPrefix("\(path("big.playlist")): over the ") == true)
        #expect(Self.message { try load("unknown.playlist") } == "\(path("unknown.playlist")):2: unknown demo 'nosuch'")
        let bad = Self.message { try load("bad.playlist") }
        #expect(bad?.hasPrefix("\(path("bad.playlist")):2: ") == true, "\(bad ?? "")")
        #expect(bad?.contains("line 2:") == false, "the line is said once")
        #expect(Self.message { try load("missing-trace.playlist") }?.hasPrefix("\(path("missing-trace.playlist")):1: gone.itrace: ") == true)
    }
}

/// Lines heard from a callback, in order.
final class Lines: @unchecked Sendable {
    private(set) var all: [String] = []
    func append(_ line: String) { all.append(line) }
}
