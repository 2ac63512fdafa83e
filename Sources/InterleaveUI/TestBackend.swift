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
