import Foundation
import InterleaveApp
import StandardConcurrencyExamples

// From the repository root: `swift run --package-path examples/StandardConcurrency continuation` opens
// the full-screen view, and with `--plain` (or without a terminal) it prints the report.
// The code pane shows the program's own file, Continuation.swift, not this one. An error of the program
// shows in the run; visualize itself throws only when it cannot show the run at all.
do {
    try visualize(
        "continuation", options: VisualizeOptions(arguments: CommandLine.arguments),
        filePath: continuationSource.filePath, fileID: continuationSource.fileID
    ) {
        try await wrappedCallback()
    }
} catch {
    FileHandle.standardError.write(Data("continuation: \(error)\n".utf8))
    exit(1)
}
