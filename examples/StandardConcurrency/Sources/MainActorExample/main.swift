import Foundation
import InterleaveApp
import StandardConcurrencyExamples

// `swift run main-actor` opens the full-screen view; `swift run main-actor --plain` prints the report.
// The code pane shows the program's own file, MainActorUpdates.swift, not this one.
do {
    try visualize(
        "main-actor: a @MainActor view model", options: VisualizeOptions(arguments: CommandLine.arguments),
        filePath: mainActorSource.filePath, fileID: mainActorSource.fileID
    ) {
        try await mainActorUpdates()
    }
} catch {
    FileHandle.standardError.write(Data("main-actor: \(error)\n".utf8))
    exit(1)
}
