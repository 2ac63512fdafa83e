import ArgumentParser
import Demos
import InterleaveUI

/// `interleave list`: every demo with its title and summary.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the demos.")

    /// Columns a line keeps within: a standard terminal, so nothing wraps mid-word.
    static let width = 80

    func run() throws {
        for line in Self.lines(width: Self.width) { print(line) }
    }

    /// Each demo's name, then its title and summary wrapped at word boundaries, continuation
    /// lines indented under the title so the names stay a column of their own.
    static func lines(width: Int) -> [String] {
        let nameWidth = Catalogue.all.map(\.name.count).max() ?? 8
        let indent = String(repeating: " ", count: nameWidth + 2)
        return Catalogue.all.flatMap { demo in
            let name = demo.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            let wrapped = TextWrap.lines("\(demo.title): \(demo.summary)", width: max(20, width - indent.count))
            return wrapped.enumerated().map { index, line in (index == 0 ? name + "  " : indent) + line }
        }
    }

}
