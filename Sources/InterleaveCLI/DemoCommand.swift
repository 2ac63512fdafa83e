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

    @OptionGroup var injection: InjectionOptions

    func run() throws {
        let demo = try lookUpDemo(name)
        let specs = try injection.specs()
        if options.plain {
            print(try PlainRun.run(demo, options: options, injecting: specs), terminator: "")
            return
        }
        if let reason = TerminalCheck.unusableReason() {
            FileHandle.standardError.write(Data("interleave: \(reason); showing plain output\n".utf8))
            print(try PlainRun.run(demo, options: options, injecting: specs), terminator: "")
            return
        }
        // The live run schedules its faults by time; an injection that would find no task of its
        // name is refused here, headless and in milliseconds, as `--plain` refuses it, rather
        // than moving the live clock on to an instant the run never reaches.
        if !specs.isEmpty { _ = try PlainRun.run(demo, options: options, injecting: specs) }
        try TUIApp.runDemo(demo, options: options, injecting: specs)
    }
}

/// Runs a demo headless in virtual time and renders the plain report.
enum PlainRun {
    /// Fails with a one-line error when an injection finds no running task of its name.
    static func run(_ demo: Demo, options: RunOptions, injecting injections: [InjectionSpec] = []) throws -> String {
        let loop = Loop(policy: options.policy)
        var header = loop.store.header
        header.seed = options.seed
        loop.store.header = header
        demo.start(on: loop, options: options.demoOptions)
        defer { loop.close() }
        do { try loop.runInjecting(injections) } catch { throw fail("\(error)") }
        return PlainReport(store: loop.store).render()
    }
}
