/// A key the user pressed, as backends report it.
public enum Key: Sendable, Hashable {
    case character(Character)
    case up, down, left, right
    case enter, tab, backTab, escape, backspace
    case pageUp, pageDown, home, end
    case function(Int)
    /// Ctrl plus a letter (lowercase), e.g. `.control("c")`.
    case control(Character)
}

/// A mouse action in cell coordinates.
public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case press, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int
    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// Anything the terminal tells the UI.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
}

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

/// A headless backend for tests: keeps the last frame and replays scripted input.
public final class TestBackend: TerminalBackend {
    public private(set) var size: (width: Int, height: Int)
    public var supportsUnicode: Bool
    public var supportsColor: Bool
    public private(set) var lastFrame: Buffer?
    public private(set) var drawCount = 0
    public var pendingInput: [InputEvent] = []
    public private(set) var restored = false

    public init(width: Int, height: Int, unicode: Bool = true, color: Bool = true) {
        size = (width, height)
        supportsUnicode = unicode
        supportsColor = color
    }

    public func resize(width: Int, height: Int) {
        size = (width, height)
        pendingInput.append(.resize(width: width, height: height))
    }

    public func draw(_ buffer: Buffer) {
        lastFrame = buffer
        drawCount += 1
    }

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        pendingInput.isEmpty ? nil : pendingInput.removeFirst()
    }

    public func restore() { restored = true }
}
