import Foundation
import InterleaveApp
import StandardConcurrencyExamples

// From the repository root: `swift run --package-path examples/StandardConcurrency stream` opens
// the full-screen view, and with `--plain` (or without a terminal) it prints the report.
// The code pane shows the program's own file, Stream.swift, not this one. An error of the program
// shows in the run; visualize itself throws only when it cannot show the run at all.
do {
    try visualize(
        "stream", options: VisualizeOptions(arguments: CommandLine.arguments),
        filePath: streamSource.filePath, fileID: streamSource.fileID
    ) {
        try await boundedStream()
    }
} catch {
    FileHandle.standardError.write(Data("stream: \(error)\n".utf8))
    exit(1)
}
