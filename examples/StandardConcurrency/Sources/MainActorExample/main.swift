import Foundation
import InterleaveApp
import StandardConcurrencyExamples

// From the repository root: `swift run --package-path examples/StandardConcurrency main-actor` opens
// the full-screen view, and with `--plain` (or without a terminal) it prints the report.
// The code pane shows the program's own file, MainActorUpdates.swift, not this one. An error of the program
// shows in the run; visualize itself throws only when it cannot show the run at all.
do {
    try visualize(
        "main-actor", options: VisualizeOptions(arguments: CommandLine.arguments),
        filePath: mainActorSource.filePath, fileID: mainActorSource.fileID
    ) {
        try await mainActorUpdates()
    }
} catch {
    FileHandle.standardError.write(Data("main-actor: \(error)\n".utf8))
    exit(1)
}
