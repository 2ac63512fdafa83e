/// A place the UI draws to and reads input from: ncurses in the real terminal, `TestBackend` in tests.
///
/// ```swift
/// let backend = TestBackend(width: 80, height: 24)
/// backend.draw(buffer)
/// ```
public protocol TerminalBackend: AnyObject {
    /// The current size in cells.
    var size: (width: Int, height: Int) { get }
    /// Whether the terminal can show UTF-8 box and block glyphs.
    var supportsUnicode: Bool { get }
    /// Whether colours should be used (false for NO_COLOR or a monochrome terminal).
    var supportsColor: Bool { get }
    /// Shows the buffer, writing only what changed since the last draw.
    func draw(_ buffer: Buffer)
    /// Waits up to `timeoutMilliseconds` for input; `nil` when none came.
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent?
    /// Gives the terminal back as it was.
    func restore()
}
