/// Why the terminal could not be taken over, in one line the CLI can print before falling back
/// to plain output.
///
/// ```swift
/// do { backend = try NCursesBackend() } catch { print("interleave: \(error)") }
/// ```
public struct TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One line, no trailing period.
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
