import Demos
import Foundation
import InterleaveTrace
import InterleaveUI
import Testing

/// Every demo's `--plain` report and event log read as sentences: no word said twice in a row
/// ("lock lock A"), and no "-" standing for a task or resource nobody named ("held by -").
@Suite struct PlainWordingTests {
    @Test(arguments: Catalogue.all.map(\.name))
    func reportAndEventLogSayNothingTwiceAndNameEveryActor(name: String) {
        let run = DemoRun(name)
        var sentences = Self.sentences(ofReport: run.plain)
        sentences += run.events.compactMap { EventText.describe($0, in: run.store) }
        for sentence in sentences {
            #expect(Self.doubledWord(in: sentence) == nil, "\(name): \"\(sentence)\" says a word twice")
            #expect(!Self.hasDashActor(sentence), "\(name): \"\(sentence)\" names a \"-\"")
        }
    }

    @Test func theChecksCatchWhatTheyLookFor() {
        #expect(Self.doubledWord(in: "main creates lock lock A") == "lock")
        #expect(Self.doubledWord(in: "event Event clear") == "Event")
        #expect(Self.doubledWord(in: "main creates lock A") == nil)
        #expect(Self.hasDashActor("main waits for gather(2) held by -"))
        #expect(Self.hasDashActor("- cancels task2"))
        #expect(!Self.hasDashActor("1.000s the loop cancels slow_query"))
        #expect(!Self.hasDashActor("0.000s  task-1  up-to-date"))
    }

    /// The report's lines minus the timeline's bars and legend, split into their columns (two
    /// or more spaces apart): "0.000s  task1  task1 holds lock A" is a time, a task and what
    /// it printed, not "task1 task1".
    static func sentences(ofReport report: String) -> [String] {
        report.split(separator: "\n").map(String.init)
            .filter { !$0.contains("|") && !$0.hasPrefix("  legend:") }
            .flatMap { $0.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
    }

    /// The first word that comes twice in a row, ignoring case.
    static func doubledWord(in sentence: String) -> String? {
        let words = sentence.split { $0 == " " }.map(String.init)
        return zip(words, words.dropFirst()).first { $0.lowercased() == $1.lowercased() && $0.contains { $0.isLetter } }?.1
    }

    /// Whether a lone "-" stands where a name belongs.
    static func hasDashActor(_ sentence: String) -> Bool {
        sentence.split { $0 == " " }.contains { $0 == "-" || $0 == "-," || $0 == "-:" }
    }
}
