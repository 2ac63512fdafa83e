import ArgumentParser
import Demos
import Interleave
import InterleaveApp
import InterleaveTrace

/// Options that shape a demo's run, shared by every command that runs one (`demo`, `record`,
/// the picker), read into the one pipeline's `HeadlessRun`.
struct WorkloadOptions: ParsableArguments {
    @Option(help: "Seed for the demo's random choices and the random schedule.")
    var seed: UInt64 = 1

    @Option(
        help: "Scheduling policy: fifo (asyncio's order), random (seeded), manual (you choose at each choice between ready tasks), or replay:FILE (the schedule saved by `interleave explore`).",
        transform: ScheduleOption.parse)
    var schedule: ScheduleOption = .fifo

    // `.unconditional`: a negative value is read as one and meets the range check below,
    // instead of passing for an option and leaving "Missing value".
    @Option(parsing: .unconditional, help: "Number of tasks, for demos that scale (swarm), from 1 to 10,000,000.")
    var tasks: Int = 1000

    var policy: SchedulePolicy {
        switch schedule {
        case .fifo: .fifo
        case .random: .random(seed: seed)
        case .manual: .manual(.fifo)
        case .replay(let saved, _, _): .replay(saved)
        }
    }
    var demoOptions: DemoOptions { DemoOptions(seed: seed, tasks: tasks) }

    func validate() throws {
        guard tasks > 0 && tasks <= 10_000_000 else { throw ValidationError("--tasks must be between 1 and 10,000,000") }
    }

    /// `demo` run with these options; `terminalSize` goes into the header of a live run.
    func run(of demo: Demo, terminalSize: (columns: Int, rows: Int)? = nil) -> HeadlessRun {
        let demoOptions = demoOptions
        return HeadlessRun(policy: policy, seed: seed, terminalSize: terminalSize) { demo.start(on: $0, options: demoOptions) }
    }
}

/// What `--schedule` asks for.
enum ScheduleOption: Equatable {
    case fifo, random
    /// The user chooses, in the TUI, whenever more than one task is ready.
    case manual
    /// The schedule a trace file was run with (saved by `interleave explore`), the demo it is a
    /// run of, and the file's name.
    case replay(Schedule, demo: String, file: String)

    /// Reads `fifo`, `random` or `replay:FILE`; a file that cannot be read, or holds no
    /// schedule, is a one-line error.
    static func parse(_ text: String) throws -> ScheduleOption {
        switch text {
        case "fifo": return .fifo
        case "random": return .random
        case "manual": return .manual
        default:
            guard text.hasPrefix("replay:"), text.count > "replay:".count else {
                throw ValidationError("--schedule must be fifo, random, manual or replay:FILE")
            }
            let path = String(text.dropFirst("replay:".count))
            let store: TraceStore
            do { store = try TraceDecoder.decodeFile(atPath: path).store } catch {
                throw ValidationError("\(SafeName.escape(path)): \(error)")
            }
            let header = store.header
            switch header.schedule {
            case "replay": return .replay(Schedule(header.choices), demo: header.demoName, file: path)
            // A run scheduled by hand carries its choices in its trace (each offer, then the job chosen).
            case "manual": return .replay(Schedule(store.manualChoices(before: store.events.count)), demo: header.demoName, file: path)
            default:
                throw ValidationError("\(SafeName.escape(path)) holds no saved schedule (it was run \(header.schedule)); `interleave explore` saves one, and so does a recording of a manual run")
            }
        }
    }

    /// Refuses `manual` for a run with nobody to choose (`--plain`, `record`, no terminal).
    func checkHeadless() throws {
        guard self == .manual else { return }
        throw ValidationError(
            "--schedule manual is chosen key by key in the full-screen UI; a headless run cannot ask (use fifo, random or replay:FILE)")
    }

    /// Refuses a schedule saved from another demo: its choices would mean nothing there.
    func check(for demo: String) throws {
        guard case .replay(_, let from, let file) = self, from != demo else { return }
        throw ValidationError("\(SafeName.escape(file)) is a run of \(SafeName.escape(from)), not \(demo)")
    }
}
