import Foundation
import InterleaveApp
import StandardConcurrencyExamples

// `swift run timeout-race` opens the full-screen view; `swift run timeout-race --plain` prints the report.
// The code pane shows the program's own file, TimeoutRace.swift, not this one.
do {
    try visualize(
        "timeout-race: async let and a timeout race", options: VisualizeOptions(arguments: CommandLine.arguments),
        filePath: timeoutRaceSource.filePath, fileID: timeoutRaceSource.fileID
    ) {
        try await timeoutRace()
    }
} catch {
    FileHandle.standardError.write(Data("timeout-race: \(error)\n".utf8))
    exit(1)
}
