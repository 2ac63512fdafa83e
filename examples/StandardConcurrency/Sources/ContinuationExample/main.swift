import Foundation
import InterleaveApp
import StandardConcurrencyExamples

// `swift run continuation` opens the full-screen view; `swift run continuation --plain` prints the report.
// The code pane shows the program's own file, Continuation.swift, not this one.
do {
    try visualize(
        "continuation: a callback API made async", options: VisualizeOptions(arguments: CommandLine.arguments),
        filePath: continuationSource.filePath, fileID: continuationSource.fileID
    ) {
        try await wrappedCallback()
    }
} catch {
    FileHandle.standardError.write(Data("continuation: \(error)\n".utf8))
    exit(1)
}
