import Demos
import Foundation
import InterleaveTrace
import InterleaveUI
import Testing

/// Five philosophers hold five forks: at any size, the screen must name five different tasks,
/// in the timeline's lanes and in the resources pane's "held by" texts.
@Suite struct NameLegibilityTests {
    @Test(arguments: [(80, 24), (100, 30), (120, 40)])
    func fivePhilosophersStayFiveNames(width: Int, height: Int) throws {
        let run = DemoRun("philosophers")
        let world = run.world
        var state = AppState(width: width, height: height)
        _ = state.reduce(.worldChanged(WorldFacts(store: run.store, world: world, latestStep: world.step)))
        let screen = Screen.render(store: run.store, world: world, state: state, theme: .color, glyphs: .unicode,
                                   width: width, height: height).text()
        let lanes = Self.matches(#"^│[ ▶] +(\S+) \S █"#, in: screen).filter { $0 != "main" }
        // Only the resources pane: the event log and caption say "held by" in whole sentences.
        let holders = Self.matches(#"lock +fork \d +held by ([^│ ]+)"#, in: screen)
        #expect(lanes.count == 5 && Set(lanes).count == 5, "lanes \(lanes) at \(width)x\(height)\n\(screen)")
        #expect(holders.count == 5 && Set(holders).count == 5, "holders \(holders) at \(width)x\(height)\n\(screen)")
    }

    /// The first capture group of `pattern` in every line of `text` that matches it.
    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return text.split(separator: "\n").compactMap { line -> String? in
            let line = String(line)
            guard let match = regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
                  let range = Range(match.range(at: 1), in: line) else { return nil }
            return String(line[range])
        }
    }
}
