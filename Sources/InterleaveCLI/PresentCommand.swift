import ArgumentParser
import Foundation
import InterleaveApp
import InterleaveTerminal
import InterleaveTrace
import InterleaveUI

/// `interleave present [PLAYLIST]`: a classroom presentation of demos and recordings that
/// holds at each caption like a slide, in the simplified high-contrast layout.
struct PresentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present",
        abstract: "Present a playlist of demos and recordings, holding at each caption like a slide.",
        discussion: """
            Space or → goes on from a stop, ← goes back, ? shows the keys, q quits. Without a \
            playlist, the built-in lesson plays (print it with --print-default). The format of a \
            playlist file is in docs/playlist-format.md. Without a terminal, each item's plain \
            report is printed instead.
            """
    )

    @Argument(help: "A playlist file; without one, the built-in lesson order through the demos.")
    var playlist: String?

    @Option(help: ArgumentHelp("Go on by itself after SECONDS at each stop, and quit after the last item.", valueName: "SECONDS"))
    var autoplay: Double?

    @Option(help: "Multiply every item's speed by this factor (each result stays within \(PlaybackSpeed.rangeText)).")
    var speed: Double = 1

    @Flag(help: "Print the built-in playlist, a starting point for your own, and exit.")
    var printDefault = false

    @Flag(help: "Print each item's plain report (output, timeline, diagnostics) instead of presenting.")
    var plain = false

    func validate() throws {
        if let autoplay, !(autoplay.isFinite && autoplay >= 0.1 && autoplay <= 3600) {
            throw fail("--autoplay must be between 0.1 and 3600 seconds")
        }
        guard speed.isFinite, speed >= 1.0 / 64, speed <= 64 else { throw fail("--speed must be between 1/64 and 64") }
    }

    func run() throws {
        if printDefault {
            print(DefaultPlaylist.text, terminator: "")
            return
        }
        let items: [PresentationItem]
        do {
            let demos = PlaylistDemos.catalogue
            let (list, loader) = try playlist.map { try PlaylistLoader.read(path: $0, demos: demos, warn: warn) }
                ?? PlaylistLoader.builtIn(demos: demos)
            items = try loader.items(of: list, speedFactor: speed)
        } catch {
            throw fail(SafeName.escape("\(error)"))
        }
        if plain {
            printPlain(items)
            return
        }
        if let reason = TerminalCheck.unusableReason() {
            FileHandle.standardError.write(Data("interleave: \(reason); printing each item's plain report\n".utf8))
            printPlain(items)
            return
        }
        try TUIApp.withBackend { backend in
            TUIApp.endIfTerminated(TUISession(backend: backend, presenting: items, autoplay: autoplay).run())
        }
    }

    private func warn(_ text: String) {
        FileHandle.standardError.write(Data("interleave: \(SafeName.escape(text))\n".utf8))
    }

    /// Every item's report under a heading: the presentation as a handout.
    private func printPlain(_ items: [PresentationItem]) {
        for (index, item) in items.enumerated() {
            if index > 0 { print("") }
            print("== item \(index + 1)/\(items.count): \(SafeText.escape(item.title)) ==\n")
            print(PlainReport(store: item.makeTrace()).render(), terminator: "")
        }
    }
}
