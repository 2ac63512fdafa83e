import Interleave

/// A fault to inject at a moment of a run: `fail task2 at 1.5s`, `stall task1 at 0.5s for 2s`.
///
/// The text is what `--inject` takes on the command line; a program can build one directly.
/// ```swift
/// let spec = try InjectionSpec(parsing: "cancel task2 at 1s")
/// spec.fault      // .cancel
/// spec.time       // .seconds(1)
/// ```
public struct InjectionSpec: Equatable, Sendable {
    public var fault: Fault
    public var taskName: String
    public var time: Duration

    public init(fault: Fault, taskName: String, time: Duration) {
        self.fault = fault
        self.taskName = taskName
        self.time = time
    }

    /// Reads `VERB TASK at TIME` (`fail`, `cancel`, `io`/`io-failure`) or `stall TASK at TIME for DURATION`.
    /// Throws `InjectionError` naming the text when it does not read.
    public init(parsing text: String) throws(InjectionError) {
        let words = text.split(separator: " ").map(String.init)
        guard words.count == 4 || words.count == 6, words[2] == "at" else { throw Self.usage(text) }
        guard let time = Self.duration(words[3]) else { throw Self.usage(text) }
        taskName = words[1]
        self.time = time
        switch words[0] {
        case "fail": fault = .fail
        case "cancel": fault = .cancel
        case "io", "io-failure": fault = .ioFailure
        case "stall":
            guard words.count == 6, words[4] == "for", let duration = Self.duration(words[5]) else { throw Self.usage(text) }
            fault = .stall(duration)
        default:
            throw Self.usage(text)
        }
        // Only a stall takes the trailing "for DURATION".
        if case .stall = fault {} else if words.count != 4 { throw Self.usage(text) }
    }

    /// "1.5s", "1.5", "250ms" as a duration; nil for anything negative, huge or unreadable.
    public static func duration(_ text: String) -> Duration? {
        if text.hasSuffix("ms"), let ms = Double(text.dropLast(2)), ms >= 0, ms < 1e9 { return .milliseconds(ms) }
        let number = text.hasSuffix("s") ? String(text.dropLast()) : text
        guard let value = Double(number), value >= 0, value < 1e9 else { return nil }
        return .milliseconds(value * 1000)
    }

    static func usage(_ text: String) -> InjectionError {
        InjectionError(message: "cannot read injection '\(text)': expected e.g. 'fail task2 at 1.5s', "
            + "'cancel task2 at 1s', 'io task1 at 0.5s' or 'stall task1 at 0.5s for 2s'")
    }
}

/// An injection that does not read, or that finds no task to hit. The message quotes the
/// user's text as typed: a program printing it to a terminal escapes it first.
public struct InjectionError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    public init(message: String) { self.message = message }
}
