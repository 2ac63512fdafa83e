import Foundation
import InterleaveApp
import StandardConcurrencyExamples

// `swift run stream` opens the full-screen view; `swift run stream --plain` prints the report.
// The code pane shows the program's own file, Stream.swift, not this one.
do {
    try visualize(
        "stream: AsyncStream with a bounded buffer", options: VisualizeOptions(arguments: CommandLine.arguments),
        filePath: streamSource.filePath, fileID: streamSource.fileID
    ) {
        try await boundedStream()
    }
} catch {
    FileHandle.standardError.write(Data("stream: \(error)\n".utf8))
    exit(1)
}
