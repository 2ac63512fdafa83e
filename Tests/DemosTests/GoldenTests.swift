import Demos
import Foundation
import Testing

/// Every demo runs to its end headless and prints exactly what its golden file says.
///
/// Set `INTERLEAVE_RECORD_GOLDEN=1` to rewrite the golden files after an intended change, then
/// read the diff: each file is what a learner sees with `--plain`.
@Suite struct GoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test(arguments: Catalogue.all.map(\.name))
    func plainOutputMatchesGolden(name: String) throws {
        let run = DemoRun(name)
        #expect(run.world.ended, "the run recorded its end")
        let file = Self.folder.appendingPathComponent("\(name).txt")
        let environment = ProcessInfo.processInfo.environment
        if environment["INTERLEAVE_RECORD_GOLDEN"] == "1" {
            // Recording passes by definition: in CI it would hide every difference.
            guard environment["CI"] == nil else {
                Issue.record("INTERLEAVE_RECORD_GOLDEN is refused when CI is set")
                return
            }
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(run.plain.utf8).write(to: file)
            return
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        #expect(run.plain == golden, "\(name) differs from Golden/\(name).txt; re-record if intended")
    }

    @Test(arguments: Catalogue.all.map(\.name))
    func sameSeedSameRun(name: String) {
        let options = DemoOptions(seed: 7, tasks: 200)
        #expect(DemoRun(name, options: options).plain == DemoRun(name, options: options).plain)
    }

    @Test func everyDemoIsDescribedAndNamedOnce() {
        let names = Catalogue.all.map(\.name)
        #expect(Set(names).count == names.count)
        for demo in Catalogue.all {
            #expect(!demo.title.isEmpty && !demo.summary.isEmpty && !demo.concept.isEmpty, "\(demo.name)")
        }
    }

    @Test func everyDemoHasCaptions() {
        for demo in Catalogue.all {
            let count = DemoRun(demo.name, options: DemoOptions(tasks: 50)).events(.caption).count
            #expect((1...6).contains(count), "\(demo.name) has \(count) captions")
        }
    }

    @Test func typosSuggestTheDemo() {
        #expect(Catalogue.suggestions(for: "gathr") == ["gather"])
        #expect(Catalogue.suggestions(for: "philosopher") == ["philosophers", "philosophers-random"])
        #expect(Catalogue.suggestions(for: "semaphre") == ["semaphore"])
        #expect(Catalogue.suggestions(for: "as") == ["as-completed"])
    }

    @Test func farNamesAreNotSuggested() {
        #expect(Catalogue.suggestions(for: "xyz").isEmpty)
        #expect(Catalogue.suggestions(for: "banana").isEmpty)
    }

    @Test func swarmScalesWithTheTaskOption() {
        let run = DemoRun("swarm", options: DemoOptions(tasks: 30))
        #expect(run.lines.map(\.text) == ["30 tasks done"])
        #expect(run.world.finishedTasks == 31)
    }
}
