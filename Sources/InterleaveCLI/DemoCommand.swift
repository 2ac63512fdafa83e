import ArgumentParser
import Demos
import Foundation
import Interleave
import InterleaveUI

/// `interleave demo NAME`: one demo, in the TUI or as plain text.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Run one demo.")

    @Argument(help: "The demo's name (see `interleave list`).")
    var name: String

    @OptionGroup var options: RunOptions

    func run() throws {
        let demo = try lookUpDemo(name)
        if options.plain {
            print(PlainRun.run(demo, options: options), terminator: "")
            return
        }
        if let reason = TerminalCheck.unusableReason() {
            FileHandle.standardError.write(Data("interleave: \(reason); showing plain output\n".utf8))
            print(PlainRun.run(demo, options: options), terminator: "")
            return
        }
        try TUIApp.runDemo(demo, options: options)
    }
}

/// Runs a demo headless in virtual time and renders the plain report.
enum PlainRun {
    static func run(_ demo: Demo, options: RunOptions) -> String {
        let loop = Loop(policy: options.policy)
        var header = loop.store.header
        header.seed = options.seed
        loop.store.header = header
        demo.start(on: loop, options: options.demoOptions)
        loop.runUntilIdle()
        defer { loop.close() }
        return PlainReport(store: loop.store).render()
    }
}
