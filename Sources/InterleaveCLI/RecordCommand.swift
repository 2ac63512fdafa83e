import ArgumentParser
import Demos
import Foundation
import InterleaveApp
import InterleavePython
import InterleaveTrace

/// `interleave record NAME -o FILE`: runs a demo headless, as fast as it can, into a trace file.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "record", abstract: "Record a demo run to a trace file.")

    @Argument(help: "The demo's name (see `interleave list`), or a Python asyncio program (FILE.py).")
    var name: String

    @Option(name: .shortAndLong, help: "The trace file to write.")
    var output: String

    @OptionGroup var workload: WorkloadOptions

    @OptionGroup var injection: InjectionOptions

    func run() throws {
        do { try workload.schedule.checkHeadless() } catch { throw fail("\(error)") }
        let specs = try injection.specs()
        let run: HeadlessRun
        if name.hasSuffix(".py") {
            let program = PythonProgram(path: name)
            do { try program.validate() } catch { throw fail("\(error)") }
            // Injections need the run stepped command by command; otherwise it runs ahead.
            run = program.headlessRun(runningAhead: specs.isEmpty)
        } else {
            run = workload.run(of: try lookUpDemo(name))
        }
        let outcome: HeadlessRun.Outcome
        do { outcome = try run.run(injecting: specs, recordingTo: output) } catch {
            throw fail(SafeName.escape("\(error)"))
        }
        FileHandle.standardError.write(Data(
            "recorded \(outcome.store.events.count) events, \(formatSeconds(outcome.virtualNanoseconds)) virtual, to \(SafeName.escape(output))\n".utf8))
    }
}
