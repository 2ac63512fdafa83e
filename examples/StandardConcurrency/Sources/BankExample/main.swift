import Foundation
import InterleaveApp
import StandardConcurrencyExamples

// From the repository root: `swift run --package-path examples/StandardConcurrency bank` opens
// the full-screen view, and with `--plain` (or without a terminal) it prints the report.
// The code pane shows the program's own file, Bank.swift, not this one. An error of the program
// shows in the run; visualize itself throws only when it cannot show the run at all.
do {
    try visualize(
        "bank", options: VisualizeOptions(arguments: CommandLine.arguments),
        filePath: bankSource.filePath, fileID: bankSource.fileID
    ) {
        try await overdraftBank()
    }
} catch {
    FileHandle.standardError.write(Data("bank: \(error)\n".utf8))
    exit(1)
}
