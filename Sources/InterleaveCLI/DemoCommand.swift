import ArgumentParser
import Demos
import Foundation
import InterleaveApp

/// `interleave demo NAME`: one demo, in the TUI or as plain text.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Run one demo.")

    @Argument(help: "The demo's name (see `interleave list`).")
    var name: String

    @OptionGroup var options: RunOptions

    @OptionGroup var injection: InjectionOptions

    func run() throws {
        let demo = try lookUpDemo(name)
        do { try options.workload.schedule.check(for: demo.name) } catch { throw fail("\(error)") }
        let specs = try injection.specs()
        if options.plain {
            do { try options.workload.schedule.checkHeadless() } catch { throw fail("\(error)") }
            print(try plainReport(demo, injecting: specs), terminator: "")
            return
        }
        if let reason = TerminalCheck.unusableReason() {
            do { try options.workload.schedule.checkHeadless() } catch { throw fail("\(reason): \(error)") }
            FileHandle.standardError.write(Data("interleave: \(reason); showing plain output\n".utf8))
            print(try plainReport(demo, injecting: specs), terminator: "")
            return
        }
        // The live run schedules its faults by time; an injection that would find no task of its
        // name is refused here, headless and in milliseconds, as `--plain` refuses it, rather
        // than moving the live clock on to an instant the run never reaches.
        if !specs.isEmpty { _ = try plainReport(demo, injecting: specs) }
        try TUIApp.runDemo(demo, options: options, injecting: specs)
    }

    /// The headless run's report, or the one-line error of an injection that finds no task.
    private func plainReport(_ demo: Demo, injecting specs: [InjectionSpec]) throws -> String {
        do { return try options.workload.run(of: demo).plainReport(injecting: specs) } catch {
            throw fail(SafeName.escape("\(error)"))
        }
    }
}
