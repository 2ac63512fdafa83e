import Foundation
import InterleaveApp
import StandardConcurrencyExamples

// `swift run fire-and-forget` opens the full-screen view; `swift run fire-and-forget --plain` prints the report.
// The code pane shows the program's own file, FireAndForget.swift, not this one.
do {
    try visualize(
        "fire-and-forget: unawaited Task {}", options: VisualizeOptions(arguments: CommandLine.arguments),
        filePath: fireAndForgetSource.filePath, fileID: fireAndForgetSource.fileID
    ) {
        try await fireAndForget()
    }
} catch {
    FileHandle.standardError.write(Data("fire-and-forget: \(error)\n".utf8))
    exit(1)
}
