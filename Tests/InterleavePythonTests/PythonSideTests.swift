import Foundation
import Testing

/// The Python side's own tests (`Tests/InterleavePythonTests/python`, standard `unittest`), run
/// by the Swift suite so that `swift test` covers both halves of `interleave run`.
@Suite struct PythonSideTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func thePythonSidesUnitTestsPass() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "unittest", "discover", "-s", "Tests/InterleavePythonTests/python"]
        process.currentDirectoryURL = Self.repository
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text.suffix(3000))")
        #expect(text.contains("OK"), "\(text.suffix(3000))")
    }
}
