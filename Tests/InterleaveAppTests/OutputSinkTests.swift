import Foundation
import InterleaveApp
import Testing

@Suite struct OutputSinkTests {
    @Test func writesEverythingGivenAcrossTheBufferLimit() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sink-\(UUID()).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var sink = OutputSink(path: path)
        let line = String(repeating: "x", count: 1000) + "\n"
        for _ in 0..<3000 { sink.write(line) }  // three megabytes: flushed more than once
        try sink.finish()
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.utf8.count == 3000 * 1001)
    }

    @Test func aFileThatCannotBeOpenedIsAnErrorAtTheEnd() {
        var sink = OutputSink(path: "/nonexistent-directory/out.txt")
        sink.write("lost")
        #expect(throws: OutputSink.OutputError.self) { try sink.finish() }
    }

    @Test func aFullDeviceIsAnError() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        var sink = OutputSink(path: "/dev/full")
        sink.write("no room")
        let error = #expect(throws: OutputSink.OutputError.self) { try sink.finish() }
        #expect(error?.description == String(cString: strerror(ENOSPC)))
    }
}
