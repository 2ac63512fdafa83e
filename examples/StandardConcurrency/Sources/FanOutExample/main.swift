import Foundation
import InterleaveApp
import StandardConcurrencyExamples

// `swift run fan-out` opens the full-screen view; `swift run fan-out --plain` prints the report.
// The code pane shows the program's own file, FanOut.swift, not this one.
do {
    try visualize(
        "fan-out: task group fan-out / fan-in", options: VisualizeOptions(arguments: CommandLine.arguments),
        filePath: fanOutSource.filePath, fileID: fanOutSource.fileID
    ) {
        try await fanOut()
    }
} catch {
    FileHandle.standardError.write(Data("fan-out: \(error)\n".utf8))
    exit(1)
}
