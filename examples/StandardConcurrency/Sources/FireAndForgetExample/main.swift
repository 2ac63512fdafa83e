import Foundation
import InterleaveApp
import StandardConcurrencyExamples

// From the repository root: `swift run --package-path examples/StandardConcurrency fire-and-forget` opens
// the full-screen view, and with `--plain` (or without a terminal) it prints the report.
// The code pane shows the program's own file, FireAndForget.swift, not this one. An error of the program
// shows in the run; visualize itself throws only when it cannot show the run at all.
do {
    try visualize(
        "fire-and-forget", options: VisualizeOptions(arguments: CommandLine.arguments),
        filePath: fireAndForgetSource.filePath, fileID: fireAndForgetSource.fileID
    ) {
        try await fireAndForget()
    }
} catch {
    FileHandle.standardError.write(Data("fire-and-forget: \(error)\n".utf8))
    exit(1)
}
