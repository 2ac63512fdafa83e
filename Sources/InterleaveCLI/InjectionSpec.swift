import ArgumentParser
import Interleave

/// The `--inject` option of `record` and `demo`, read into specs.
struct InjectionOptions: ParsableArguments {
    @Option(name: .customLong("inject"), help: "A fault to inject, e.g. \"fail task2 at 1.5s\" (repeatable).")
    var injections: [String] = []

    /// The specs, or the one-line usage error (status 2) for the first one that does not read.
    func specs() throws -> [InjectionSpec] {
        do { return try injections.map(InjectionSpec.init(parsing:)) } catch { throw fail("\(error)") }
    }
}

/// A fault to inject at a moment of a headless run: `fail task2 at 1.5s`, `stall task1 at 0.5s for 2s`.
///
/// ```swift
/// let spec = try InjectionSpec(parsing: "cancel task2 at 1s")
/// ```
struct InjectionSpec: Equatable {
    var fault: Fault
    var taskName: String
    var time: Duration

    init(fault: Fault, taskName: String, time: Duration) {
        self.fault = fault
        self.taskName = taskName
        self.time = time
    }

    init(parsing text: String) throws {
        let words = text.split(separator: " ").map(String.init)
        guard words.count == 4 || words.count == 6, words[2] == "at" else { throw Self.usage(text) }
        guard let time = Self.seconds(words[3]) else { throw Self.usage(text) }
        taskName = words[1]
        self.time = time
        switch words[0] {
        case "fail": fault = .fail
        case "cancel": fault = .cancel
        case "io", "io-failure": fault = .ioFailure
        case "stall":
            guard words.count == 6, words[4] == "for", let duration = Self.seconds(words[5]) else { throw Self.usage(text) }
            fault = .stall(duration)
        default:
            throw Self.usage(text)
        }
        if case .stall = fault {} else if words.count != 4 { throw Self.usage(text) }
    }

    /// "1.5s", "1.5", "250ms" as a duration.
    static func seconds(_ text: String) -> Duration? {
        if text.hasSuffix("ms"), let ms = Double(text.dropLast(2)), ms >= 0, ms < 1e9 { return .milliseconds(ms) }
        let number = text.hasSuffix("s") ? String(text.dropLast()) : text
        guard let value = Double(number), value >= 0, value < 1e9 else { return nil }
        return .milliseconds(value * 1000)
    }

    static func usage(_ text: String) -> InjectionError {
        InjectionError(message: "cannot read injection '\(SafeName.escape(text))': expected e.g. 'fail task2 at 1.5s', "
            + "'cancel task2 at 1s', 'io task1 at 0.5s' or 'stall task1 at 0.5s for 2s'")
    }
}

struct InjectionError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

extension Loop {
    /// The newest unfinished task with this name, as seen in the trace so far. It replays the
    /// whole trace, so it is for the few lookups of `--inject`, not for a loop.
    func newestUnfinishedTask(named name: String) -> TaskID? {
        var world = WorldState()
        store.events.withRuns(in: 0..<store.events.count) { run, _ in for e in run { world.reduce(e) } }
        for index in stride(from: store.tasks.count - 1, through: 0, by: -1)
        where store.tasks[index].name == name && index < world.tasks.count && !world.tasks[index].state.isFinished {
            return TaskID(index)
        }
        return nil
    }

    /// Runs headless to the end, injecting each fault at its virtual time.
    func runInjecting(_ injections: [InjectionSpec]) throws {
        for spec in injections.sorted(by: { $0.time < $1.time }) {
            run(until: spec.time)
            guard let task = newestUnfinishedTask(named: spec.taskName) else {
                throw InjectionError(message: "no running task named '\(SafeName.escape(spec.taskName))' at \(spec.time)")
            }
            inject(spec.fault, into: task)
        }
        runUntilIdle()
    }

    /// Arranges each fault for its virtual time on a loop that has not run yet (a live run).
    func schedule(_ injections: [InjectionSpec]) {
        for spec in injections { scheduleFault(spec.fault, intoTaskNamed: spec.taskName, at: spec.time) }
    }
}
