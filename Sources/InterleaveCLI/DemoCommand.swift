import ArgumentParser
import Demos
import Foundation
import InterleaveApp
import InterleaveTrace
import InterleaveUI

/// `interleave demo NAME`: one demo, in the TUI or as plain text.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Run one demo.")

    @Argument(help: "The demo's name (see `interleave list`).")
    var name: String

    @OptionGroup var options: RunOptions

    @OptionGroup var injection: InjectionOptions

    @Flag(help: "Run the demo first, then play it back, stopping before steps that are not obvious to ask which task runs, wakes or prints next; a digit answers, and a score shows at the end.")
    var predict = false

    @Flag(help: "With --plain: print the demo's captions among its output, in time order, so the report reads as a handout.")
    var captions = false

    func run() throws {
        // The questions need the screen to stop on; a report has no moment to ask them at.
        if predict, options.plain { throw fail(Self.predictWithPlain) }
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
        if !specs.isEmpty, !predict { _ = try plainReport(demo, injecting: specs) }
        if predict {
            try TUIApp.runPrediction(of: try headlessRun(demo, injecting: specs), speed: options.speed(for: demo))
            return
        }
        try TUIApp.runDemo(demo, options: options, injecting: specs)
    }

    /// The headless run's report, or the one-line error of an injection that finds no task.
    private func plainReport(_ demo: Demo, injecting specs: [InjectionSpec]) throws -> String {
        PlainReport(store: try headlessRun(demo, injecting: specs), includesCaptions: captions).render()
    }

    /// The demo's whole trace, run headless in virtual time, or the one-line error of an
    /// injection that finds no task.
    private func headlessRun(_ demo: Demo, injecting specs: [InjectionSpec]) throws -> TraceStore {
        do { return try options.workload.run(of: demo).run(injecting: specs).store } catch {
            throw fail(SafeName.escape("\(error)"))
        }
    }

    static let predictWithPlain = "--predict asks its questions in the full-screen view; it cannot be combined with --plain"
}
