/// A moment of a trace named on a command line: a virtual time ("1.5s", "250ms") or a step
/// ("step:12", the world after twelve jobs), spelled as a playlist's stops are.
///
/// ```swift
/// TraceInstant(parsing: "0.5s")     // .time(500_000_000)
/// TraceInstant(parsing: "step:3")   // .step(3)
/// TraceInstant(parsing: "soon")     // nil
/// ```
public enum TraceInstant: Sendable, Equatable {
    case time(Int64)
    case step(Int)

    /// Parses one stop's spelling; nil for anything else (the caller words the error).
    public init?(parsing text: String) {
        let text = Substring(text)
        if let time = PlaylistParser.time(text) {
            self = .time(time)
        } else if text.hasPrefix("step:"), let step = PlaylistParser.count(text.dropFirst(5)) {
            self = .step(step)
        } else {
            return nil
        }
    }

    /// How the command line spells it, for error messages and titles.
    public var description: String {
        switch self {
        case .time(let nanoseconds): formatSeconds(nanoseconds)
        case .step(let step): "step \(step)"
        }
    }
}
