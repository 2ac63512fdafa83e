import ArgumentParser
import Demos
import Foundation
import Interleave

/// `interleave record NAME -o FILE`: runs a demo headless, as fast as it can, into a trace file.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "record", abstract: "Record a demo run to a trace file.")

    @Argument(help: "The demo's name (see `interleave list`).")
    var name: String

    @Option(name: .shortAndLong, help: "The trace file to write.")
    var output: String

    @Option(help: "Seed for the demo's random choices and the random schedule.")
    var seed: UInt64 = 1

    @Option(help: "Scheduling policy: fifo or random.")
    var schedule: Schedule = .fifo

    @Option(parsing: .unconditional, help: "Number of tasks, for demos that scale, from 1 to 10,000,000.")
    var tasks: Int = 1000

    @OptionGroup var injection: InjectionOptions

    func validate() throws { try RunOptions.checkTasks(tasks) }

    func run() throws {
        let demo = try lookUpDemo(name)
        let specs = try injection.specs()
        let loop = Loop(policy: schedule == .fifo ? .fifo : .random(seed: seed))
        var header = loop.store.header
        header.seed = seed
        loop.store.header = header
        let file: TraceFileRecorder
        do { file = try TraceFileRecorder(path: output, store: loop.store) } catch { throw fail("\(error)") }
        // The demo's source and header go into the store first: the writer thread starts only
        // after, so nothing the header holds changes under it (ThreadSanitizer saw the two
        // threads meet inside the store's Mutex, whose futex wait it cannot follow).
        demo.start(on: loop, options: DemoOptions(seed: seed, tasks: tasks))
        file.start()
        do { try loop.runInjecting(specs) } catch { throw fail("\(error)") }
        do { try file.finish() } catch { throw fail("\(error)") }
        loop.close()
        FileHandle.standardError.write(Data("recorded \(loop.store.events.count) events, \(formatSeconds(loop.nowInNanoseconds)) virtual, to \(output)\n".utf8))
    }
}
