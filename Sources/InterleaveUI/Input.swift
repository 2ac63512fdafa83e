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
