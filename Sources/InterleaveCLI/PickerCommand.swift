import ArgumentParser
import Demos
import Foundation

/// `interleave` with no arguments: the demo picker.
struct PickerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pick", abstract: "Choose a demo to run (the default).")

    @OptionGroup var options: RunOptions

    func run() throws {
        if let reason = TerminalCheck.unusableReason() {
            FileHandle.standardError.write(Data("interleave: \(reason); listing the demos instead\n".utf8))
            try ListCommand().run()
            return
        }
        try TUIApp.runPicker(options: options)
    }
}
