import Foundation
import InterleaveApp

/// Shows one example with `visualize`: full screen in a terminal, the plain report with
/// `--plain` or without one. The code pane shows the program's own file (`source`), not the
/// executable's main.swift. An error of the program shows in the run; this exits with status 1
/// and a one-line message only when the run cannot be shown at all.
public func runExample(
    _ name: String, source: (filePath: String, fileID: String),
    _ program: @escaping @Sendable () async throws -> Void
) {
    do {
        try visualize(
            name, options: VisualizeOptions(arguments: CommandLine.arguments),
            filePath: source.filePath, fileID: source.fileID, program)
    } catch {
        FileHandle.standardError.write(Data("\(name): \(error)\n".utf8))
        exit(1)
    }
}
