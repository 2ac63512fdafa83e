import Foundation
import InterleaveApp
import StandardConcurrencyExamples

// `swift run bank` opens the full-screen view; `swift run bank --plain` prints the report.
// The code pane shows the program's own file, Bank.swift, not this one.
do {
    try visualize(
        "bank: actor reentrancy overdraws", options: VisualizeOptions(arguments: CommandLine.arguments),
        filePath: bankSource.filePath, fileID: bankSource.fileID
    ) {
        try await overdraftBank()
    }
} catch {
    FileHandle.standardError.write(Data("bank: \(error)\n".utf8))
    exit(1)
}
