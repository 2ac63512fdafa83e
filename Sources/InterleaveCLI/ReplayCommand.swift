import ArgumentParser
import Foundation
import InterleaveUI

/// `interleave replay FILE`: the same screens as the live run, from a recording.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replay", abstract: "Replay a recorded trace in the full-screen UI.")

    @Argument(help: "The trace file to replay.")
    var file: String

    @Option(help: "Playback speed, from 1/16 to 64.")
    var speed: Double = 1

    func validate() throws {
        guard speed >= 1.0 / 16 && speed <= 64 else { throw ValidationError("--speed must be between 1/16 and 64") }
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
