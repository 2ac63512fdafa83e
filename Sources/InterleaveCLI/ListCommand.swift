import ArgumentParser
import Demos

/// `interleave list`: every demo with its title and summary.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the demos.")

    func run() throws {
        let width = Catalogue.all.map(\.name.count).max() ?? 8
        for demo in Catalogue.all {
            let name = demo.name.padding(toLength: width, withPad: " ", startingAt: 0)
            print("\(name)  \(demo.title): \(demo.summary)")
        }
    }
}
