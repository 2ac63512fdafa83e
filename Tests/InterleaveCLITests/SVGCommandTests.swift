import Foundation
import Testing

/// `interleave export FILE --format svg [--at TIME|step:N] -o OUT.svg`, run as a user would.
@Suite final class SVGCommandTests: Sendable {
    let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("interleave-svg-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Each test gets a fresh folder, removed with it.
    deinit { try? FileManager.default.removeItem(at: scratch) }

    /// Records gather with task2 made to fail at 0.5 s; returns the trace's path.
    func recordGatherWithFault() throws -> String {
        let trace = scratch.appendingPathComponent("gather.itrace").path
        let result = try CLIBinary.run(["record", "gather", "--inject", "fail task2 at 0.5s", "-o", trace])
        #expect(result.status == 0, "\(result.err)")
        return trace
    }

    @Test func theTimelineAndAFrameAreWritten() throws {
        let trace = try recordGatherWithFault()
        let timeline = scratch.appendingPathComponent("gather.svg").path
        let frame = scratch.appendingPathComponent("gather-at.svg").path
        for (arguments, path) in [([] as [String], timeline), (["--at", "0.5s"], frame), (["--at", "step:3"], frame)] {
            let result = try CLIBinary.run(["export", trace, "--format", "svg", "-o", path] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.err)")
            let svg = try String(contentsOfFile: path, encoding: .utf8)
            #expect(svg.hasPrefix("<?xml"))
            #expect(svg.contains("<title>"))
            #expect(svg.contains("task2"))
        }
        let text = try String(contentsOfFile: timeline, encoding: .utf8)
        #expect(text.contains("class=\"lane\""))
    }

    @Test func aBadInstantIsRefusedInOneLine() throws {
        let trace = try recordGatherWithFault()
        let out = scratch.appendingPathComponent("bad.svg").path
        for (arguments, message) in [
            (["--format", "svg", "--at", "soon"], "--at wants a time such as 1.5s or 250ms, or step:N, not soon"),
            (["--format", "svg", "--at", "step:-1"], "--at wants a time"),
            (["--format", "text", "--at", "1s"], "--at is for --format svg"),
        ] {
            let result = try CLIBinary.run(["export", trace, "-o", out] + arguments)
            #expect(result.status == 2)
            #expect(result.err.contains(message), "\(result.err)")
            #expect(result.err.split(separator: "\n").count == 1, "one line: \(result.err)")
            #expect(!FileManager.default.fileExists(atPath: out), "nothing is written")
        }
    }
}
