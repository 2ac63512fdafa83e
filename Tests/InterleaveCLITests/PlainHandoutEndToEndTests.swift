import Foundation
import Testing

/// The plain report as a learner prints it: `demo --plain` and `export --format text`, with
/// the right glyph where a task ends and, with `--captions`, the narration among the output.
@Suite(.enabled(if: CLIBinary.isBuilt, "needs the interleave executable"))
struct PlainHandoutEndToEndTests {
    /// The bar of the lane named `task` in a plain report.
    func lane(_ task: String, in report: String) -> Substring? {
        for line in report.split(separator: "\n") {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false)
            if parts.count == 3, parts[0].trimmingCharacters(in: .whitespaces) == task { return parts[1] }
        }
        return nil
    }

    @Test func aFailedTaskShowsXAtTheEndOfItsLane() throws {
        let result = try CLIBinary.run(["demo", "gather", "--plain", "--inject", "fail task2 at 0.5s"])
        #expect(result.status == 0, "\(result.err)")
        let bar = try #require(lane("task2", in: result.out), "\(result.out)")
        #expect(bar.last == "x")
        #expect(result.out.contains("task2 failed: injected fault"))
    }

    @Test func captionsGoAmongTheOutputOfDemoAndExport() throws {
        let plain = try CLIBinary.run(["demo", "lock", "--plain", "--captions"])
        #expect(plain.status == 0, "\(plain.err)")
        #expect(plain.out.contains("0.000s  >> Both coroutines start at once, and both want the same lock"))
        #expect(!(try CLIBinary.run(["demo", "lock", "--plain"])).out.contains(">> "))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("interleave-plain-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let trace = folder.appendingPathComponent("lock.itrace").path
        #expect(try CLIBinary.run(["record", "lock", "-o", trace]).status == 0)
        let export = try CLIBinary.run(["export", trace, "--format", "text", "--captions"])
        #expect(export.status == 0, "\(export.err)")
        #expect(export.out == plain.out, "the export of a recording is the same handout")
    }
}
