import ArgumentParser
import Demos
import Foundation
import Interleave

/// The `interleave` command: the demo picker by default, plus its subcommands.
@main
struct InterleaveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interleave",
        abstract: "See async concurrency happen: tasks, locks, events and queues, live in your terminal.",
        discussion: """
            Example:
              interleave demo gather            two tasks at once, full screen (q quits)
              interleave demo gather --plain    the same run as text
              interleave list                   every demo, with what it shows
            """,
        subcommands: [PickerCommand.self, ListCommand.self, DemoCommand.self, RunCommand.self, ChallengeCommand.self, ExploreCommand.self, RecordCommand.self, ReplayCommand.self, PresentCommand.self, ExportCommand.self, BenchCommand.self, SoakCommand.self, StartupProbeCommand.self],
        defaultSubcommand: PickerCommand.self
    )

    /// Parses and runs the command line; one the parser rejects gets the one-line error and
    /// status 2 of every other bad input, not the parser's usage block and status 64.
    static func main() {
        if let answer = helpForUnknownCommand(Array(CommandLine.arguments.dropFirst())) {
            answer.isError ? FileHandle.standardError.write(Data(answer.text.utf8)) : print(answer.text, terminator: "")
            Foundation.exit(answer.isError ? 2 : 0)
        }
        // A demo in standard Swift concurrency prints with Swift's own print: into its trace,
        // and not onto the terminal (under a full-screen view) or ahead of the report.
        StandardConcurrency.silencesStandardOutput = true
        StandardConcurrency.locatesStandardTasks = true
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            // Help requests, `fail()`'s exit codes and real errors keep the parser's handling.
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            let reason = demoNamedInsteadOfCommand(CommandLine.arguments.dropFirst())
                ?? message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            FileHandle.standardError.write(Data("interleave: \(SafeName.escape(reason)) (see --help)\n".utf8))
            Foundation.exit(2)
        }
    }
}

/// `interleave help NAME` where NAME is no command: the parser would print the top-level help
/// without a word. A demo's name gets `demo`'s help (the command meant); anything else an error.
func helpForUnknownCommand(_ arguments: [String]) -> (text: String, isError: Bool)? {
    guard arguments.count >= 2, arguments[0] == "help" else { return nil }
    let name = arguments[1]
    let commands = InterleaveCommand.configuration.subcommands.map { $0.configuration.commandName ?? "" }
    guard !commands.contains(name), !name.hasPrefix("-") else { return nil }
    if Catalogue.named(name) != nil { return (InterleaveCommand.helpMessage(for: DemoCommand.self, columns: 80) + "\n", false) }
    let message = UnknownName.message("command", name, among: commands, otherwise: "see `interleave --help` for the commands")
    return ("interleave: \(message)\n", true)
}

/// For `interleave gather`: a demo's name where a command belongs, and the command meant.
func demoNamedInsteadOfCommand<Arguments: Collection<String>>(_ arguments: Arguments) -> String? {
    guard let first = arguments.first, Catalogue.named(first) != nil else { return nil }
    let rest = arguments.dropFirst().map { " " + $0 }.joined()
    return "'\(first)' is a demo, not a command: did you mean `interleave demo \(first)\(rest)`?"
}

/// Options of every command that shows a demo: its workload, and how to show it.
struct RunOptions: ParsableArguments {
    // `.unconditional` on the numeric options: a negative value is read as one and meets the
    // range check below, instead of passing for an option and leaving "Missing value".
    @Option(parsing: .unconditional, help: "Playback speed, from \(PlaybackSpeed.rangeText) (e.g. 0.5, 2); by default each demo's own pace, at most 1×.")
    var speed: Double?

    @OptionGroup var workload: WorkloadOptions

    @Flag(help: "Run headless in virtual time and print the output, a timeline and diagnostics.")
    var plain = false

    @Option(parsing: .unconditional, help: "Virtual seconds the stall key blocks the loop for, from 0.1 to 60.")
    var stall: Double = 2

    var seed: UInt64 { workload.seed }
    var policy: SchedulePolicy { workload.policy }
    var demoOptions: DemoOptions { workload.demoOptions }

    /// The speed to run `demo` at: the one asked for, or the demo's own pace.
    func speed(for demo: Demo) -> Double { speed ?? demo.defaultSpeed(options: demoOptions) }

    func validate() throws {
        guard speed.map(PlaybackSpeed.range.contains) ?? true else { throw ValidationError(PlaybackSpeed.outOfRangeMessage) }
        guard stall >= 0.1 && stall <= 60 else { throw ValidationError("--stall must be between 0.1 and 60 seconds") }
    }
}

/// Prints a one-line error and exits with status 2: the CLI's answer to misuse.
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("interleave: \(message)\n".utf8))
    return ExitCode(2)
}

/// Finds a demo by name, or fails with the closest names.
func lookUpDemo(_ name: String) throws -> Demo {
    if let demo = Catalogue.named(name) { return demo }
    throw fail(UnknownName.demo(name))
}

/// Escapes control characters in user-supplied names before they reach a terminal.
enum SafeName {
    static func escape(_ text: String) -> String {
        String(text.unicodeScalars.map { ControlCharacters.contains($0) ? "?" : Character($0) })
    }
}

extension PlaybackSpeed {
    /// The error for a `--speed` outside the range, worded the same by every command.
    static var outOfRangeMessage: String { "--speed must be between \(slowestText) and \(fastestText)" }
}
