import Foundation
import InterleaveApp
import StandardConcurrencyExamples

// From the repository root: `swift run --package-path examples/StandardConcurrency timeout-race` opens
// the full-screen view, and with `--plain` (or without a terminal) it prints the report.
// The code pane shows the program's own file, TimeoutRace.swift, not this one. An error of the program
// shows in the run; visualize itself throws only when it cannot show the run at all.
do {
    try visualize(
        "timeout-race", options: VisualizeOptions(arguments: CommandLine.arguments),
        filePath: timeoutRaceSource.filePath, fileID: timeoutRaceSource.fileID
    ) {
        try await timeoutRace()
    }
} catch {
    FileHandle.standardError.write(Data("timeout-race: \(error)\n".utf8))
    exit(1)
}
