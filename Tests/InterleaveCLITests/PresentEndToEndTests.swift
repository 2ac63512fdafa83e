import Demos
import Foundation
import InterleaveTrace
import Testing

/// `interleave present` as a presenter meets it: in tmux, unattended and by hand, and its errors.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
final class PresentEndToEndTests: Sendable {
    let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("interleave-present-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Each test gets a fresh folder, removed with it.
    deinit { try? FileManager.default.removeItem(at: scratch) }

    private func write(_ text: String, to name: String) throws -> String {
        let url = scratch.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func ttyRestored() throws -> Bool {
        let before = try String(contentsOf: scratch.appendingPathComponent("stty-before"), encoding: .utf8)
        let after = try String(contentsOf: scratch.appendingPathComponent("stty-after"), encoding: .utf8)
        return !before.isEmpty && before == after
    }

    /// The item number in the header ("item 3/18: …"), if the header shows one.
    private func itemNumber(_ screen: String) -> Int? {
        guard let header = screen.split(separator: "\n").first,
              let range = header.range(of: #"item (\d+)/18"#, options: .regularExpression) else { return nil }
        return Int(header[range].dropFirst(5).prefix { $0.isNumber })
    }

    @Test func autoplayRunsTheBuiltInLessonToItsEndAndExits() throws {
        // --speed 8 keeps the playing brisk; the 1 s holds at each caption are most of the time.
        let session = try TmuxSession(
            command: CLIBinary.commandRecordingTTY("present --autoplay 1 --speed 8", in: scratch), width: 100, height: 30)
        defer { session.close() }
        let first = try session.waitForScreen(containing: "item 1/18: Coroutines", timeout: .seconds(20))
        #expect(!first.contains("q quit"), "the footer is hidden until ?")

        var items = Set<Int>()
        var sights: Set<String> = []
        let expected = ["say_hello suspends at its await", "DEADLOCK", "HOLD", "autoplay"]
        let status = try session.poll(timeout: .seconds(180)) { () -> Int32? in
            if let screen = try? session.screen() {
                if let item = itemNumber(screen) { items.insert(item) }
                for sight in expected where screen.contains(sight) { sights.insert(sight) }
            }
            return try? session.waitForExit(timeout: .zero)
        }
        #expect(status == 0)
        #expect(items == Set(1...18), "every item was on screen")
        #expect(sights == Set(expected), "captions, diagnostics and holds were on screen")
        #expect(try ttyRestored())
    }

    @Test func thePresenterStepsThroughStopsGoesBackAndReachesTheEnd() throws {
        let playlist = try write("""
            # two short items
            demo hello speed=4 title=First: hello
            demo gather speed=4 stop=none title=Second: gather
            """, to: "two.playlist")
        let session = try TmuxSession(
            command: CLIBinary.commandRecordingTTY("present '\(playlist)'", in: scratch), width: 100, height: 30)
        defer { session.close() }
        try session.waitForScreen(timeout: .seconds(20), "the first caption, held") {
            $0.contains("item 1/2: First: hello") && $0.contains("HOLD") && $0.contains("say_hello suspends")
        }
        try session.sendKeys("Right")
        try session.waitForScreen("the end of hello") { $0.contains("stop 2/2") && $0.contains("The sleep ended") }
        try session.sendKeys("Left")
        try session.waitForScreen("back at the first stop") { $0.contains("stop 1/2") && $0.contains("say_hello suspends") }
        try session.sendKeys("Space")
        try session.waitForScreen("the end of hello again") { $0.contains("stop 2/2") && $0.contains("HOLD") }
        try session.sendKeys("Space")
        try session.waitForScreen("the second item held at its end") {
            $0.contains("item 2/2: Second: gather") && $0.contains("HOLD") && $0.contains("2.000s")
        }
        try session.sendKeys("?")
        try session.waitForScreen(containing: "q quit")
        try session.sendKeys("?", "Space")
        try session.waitForScreen(containing: "end of playlist — q to quit")
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
        #expect(try ttyRestored())
    }
}

/// `present` without a terminal, and with bad input.
@Suite final class PresentCommandTests: Sendable {
    let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("interleave-present-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Each test gets a fresh folder, removed with it.
    deinit { try? FileManager.default.removeItem(at: scratch) }

    private func write(_ text: String, to name: String) throws -> String {
        let url = scratch.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func theBuiltInPlaylistFollowsTheLessonsThenTheClassics() throws {
        let result = try CLIBinary.run(["present", "--print-default"])
        #expect(result.status == 0)
        let playlist = try Playlist.parse(result.out)
        let names = playlist.items.map { item -> String in
            guard case .demo(let name) = item.source else { return "" }
            return name
        }
        #expect(names == [
            "hello", "gather", "create-task", "errors", "as-completed", "lock", "event", "queue", "semaphore",
            "future", "fetch", "race", "actor", "deadlock", "philosophers", "blocking", "timeout", "task-group",
        ])
        #expect(names.allSatisfy { Catalogue.named($0) != nil })
    }

    @Test(arguments: [
        ("demo hello\ndemo gathr\n", ":2: unknown demo 'gathr': did you mean gather"),
        ("demo hello speed=fast\n", ":1: speed 'fast' is not a number"),
        ("\n\ntrace missing.itrace\n", ":3: missing.itrace: "),
        ("demo \u{1B}]0;pwned\u{07}\n", ":1: '\\u{1b}]0;pwned\\u{7}' is not a usable name"),
        ("# nothing\n", "bad.playlist: the playlist lists no demo or trace"),
    ])
    func aBadPlaylistIsOneLineNamingFileAndLine(text: String, message: String) throws {
        let path = try write(text, to: "bad.playlist")
        let result = try CLIBinary.run(["present", path])
        #expect(result.status == 2)
        #expect(result.out.isEmpty)
        let lines = result.err.split(separator: "\n")
        #expect(lines.count == 1, "one line: \(result.err)")
        #expect(result.err.hasPrefix("interleave: \(path)"))
        #expect(result.err.contains(message), "\(result.err)")
        #expect(!result.err.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
    }

    @Test func aMissingOrHugePlaylistIsRefused() throws {
        let missing = try CLIBinary.run(["present", scratch.appendingPathComponent("none.playlist").path])
        #expect(missing.status == 2 && missing.err.contains("no such file"))
        let huge = try write(String(repeating: "#", count: Playlist.maximumBytes + 10), to: "huge.playlist")
        let tooBig = try CLIBinary.run(["present", huge])
        #expect(tooBig.status == 2 && tooBig.err.contains("limit"))
        let zero = try CLIBinary.run(["present", "--autoplay", "0"])
        #expect(zero.status == 2 && zero.err.split(separator: "\n").count == 1)
    }

    @Test func withoutATerminalEachItemIsPrintedPlain() throws {
        let recording = scratch.appendingPathComponent("lock.itrace").path
        #expect(try CLIBinary.run(["record", "lock", "-o", recording]).status == 0)
        let playlist = try write("demo hello title=Say hello\ntrace lock.itrace speed=2 title=The lock, recorded\n", to: "plain.playlist")
        let result = try CLIBinary.run(["present", playlist])
        #expect(result.status == 0)
        #expect(result.err.contains("printing each item's plain report"))
        #expect(result.out.contains("== item 1/2: Say hello =="))
        #expect(result.out.contains("== item 2/2: The lock, recorded =="))
        #expect(result.out.contains("World"))
        #expect(result.out.contains("Locked section"))
    }
}
