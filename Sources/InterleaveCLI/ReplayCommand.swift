import ArgumentParser
import Foundation
import InterleaveTrace
import InterleaveUI

/// `interleave replay FILE`: the same screens as the live run, from a recording.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replay", abstract: "Replay a recorded trace in the full-screen UI.")

    @Argument(help: "The trace file to replay.")
    var file: String

    @Option(help: "Playback speed, from \(PlaybackSpeed.rangeText).")
    var speed: Double = 1

    func validate() throws {
        guard PlaybackSpeed.range.contains(speed) else { throw ValidationError(PlaybackSpeed.outOfRangeMessage) }
    }

    func run() throws {
        let loaded = try loadTrace(file)
        if let reason = TerminalCheck.unusableReason() {
            FileHandle.standardError.write(Data("interleave: \(reason); showing plain output\n".utf8))
            print(PlainReport(store: loaded.store).render(), terminator: "")
            return
        }
        try TUIApp.runReplay(loaded.store, speed: speed)
    }
}
