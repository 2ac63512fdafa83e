/// An error that carries only a message, like Python's `Exception("...")`.
///
/// Demos throw it so their code reads like the lessons (`raise Exception("An error occurred")`)
/// and their prints show just the message, as `print(f"... {e}")` does.
/// ```swift
/// throw Exception("An error occurred")
/// ```
struct Exception: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
