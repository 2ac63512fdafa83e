import Foundation
import InterleaveApp
import StandardConcurrencyExamples

// From the repository root: `swift run --package-path examples/StandardConcurrency fan-out` opens
// the full-screen view, and with `--plain` (or without a terminal) it prints the report.
// The code pane shows the program's own file, FanOut.swift, not this one. An error of the program
// shows in the run; visualize itself throws only when it cannot show the run at all.
do {
    try visualize(
        "fan-out", options: VisualizeOptions(arguments: CommandLine.arguments),
        filePath: fanOutSource.filePath, fileID: fanOutSource.fileID
    ) {
        try await fanOut()
    }
} catch {
    FileHandle.standardError.write(Data("fan-out: \(error)\n".utf8))
    exit(1)
}
