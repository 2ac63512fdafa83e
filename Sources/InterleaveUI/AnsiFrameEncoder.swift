/// Turns a sequence of frames into the VT100/ANSI bytes that draw them on a terminal: the whole
/// screen the first time, then only the cells that changed.
///
/// This is what a terminal recording (an asciicast) is made of. Cursor moves are absolute
/// (`CSI row;col H`) and every style change resets first (`CSI 0;… m`), so a frame never
/// depends on attributes left over from an earlier one. The output holds no control character
/// other than the escape sequences the encoder writes itself: text comes from a `Buffer`,
/// which has already made every untrusted name safe.
/// ```swift
/// var encoder = AnsiFrameEncoder()
/// let first = encoder.encode(frame)     // "\u{1B}[?25l\u{1B}[0m\u{1B}[2J…" then every cell
/// let next = encoder.encode(nextFrame)  // only the runs of cells that differ; "" if none
/// ```
public struct AnsiFrameEncoder: Sendable {
    /// The frame the terminal shows now, as far as the encoder knows.
    private var shown: Buffer?
    /// The style the terminal draws new text with.
    private var pen = Style.plain

    public init() {}

    /// The bytes that turn the previous frame into `frame`.
    ///
    /// The first frame, and any frame of another size, clears the screen and hides the cursor
    /// first; blank cells need no bytes after a clear.
    public mutating func encode(_ frame: Buffer) -> String {
        var out = ""
        let previous: Buffer
        if let shown, shown.width == frame.width, shown.height == frame.height {
            previous = shown
        } else {
            out += Self.csi + "?25l" + Self.csi + "0m" + Self.csi + "2J"
            pen = .plain
            previous = Buffer(width: frame.width, height: frame.height)
        }
        for run in frame.changes(since: previous) {
            out += Self.moveTo(x: run.x, y: run.y)
            var x = run.x
            for cell in run.cells {
                if cell.style != pen {
                    out += Self.selectGraphicRendition(cell.style)
                    pen = cell.style
                }
                // Buffers never hold control characters; the check keeps the guarantee local.
                out.unicodeScalars.append(SafeText.isControl(cell.scalar) ? "?" : cell.scalar)
                x += 1
                // The buffer gives every scalar one cell; a terminal gives a wide one two, so
                // the cursor is put back where the buffer's next cell is.
                if Self.isWide(cell.scalar), x < run.x + run.cells.count { out += Self.moveTo(x: x, y: run.y) }
            }
        }
        shown = frame
        return out
    }

    /// The bytes that hand a terminal back after the last frame: plain style, cursor shown on
    /// the bottom row, so a shell prompt after `asciinema play` starts in a sane state.
    public func finish() -> String {
        Self.csi + "0m" + Self.moveTo(x: 0, y: max(0, (shown?.height ?? 1) - 1)) + Self.csi + "?25h"
    }

    /// Forgets what the terminal shows: the next frame is drawn whole.
    public mutating func invalidate() {
        shown = nil
    }

    static let csi = "\u{1B}["

    /// `CSI row;col H` for a zero-based cell.
    static func moveTo(x: Int, y: Int) -> String {
        csi + String(y + 1) + ";" + String(x + 1) + "H"
    }

    /// `CSI 0;…m`: resets, then sets the style's attributes and colours (16-colour codes, which
    /// every terminal and player understands).
    public static func selectGraphicRendition(_ style: Style) -> String {
        var codes = ["0"]
        if style.attributes.contains(.bold) { codes.append("1") }
        if style.attributes.contains(.dim) { codes.append("2") }
        if style.attributes.contains(.underline) { codes.append("4") }
        if style.attributes.contains(.reverse) { codes.append("7") }
        if let code = colorCode(style.foreground, base: 30, brightBase: 90) { codes.append(String(code)) }
        if let code = colorCode(style.background, base: 40, brightBase: 100) { codes.append(String(code)) }
        return csi + codes.joined(separator: ";") + "m"
    }

    /// The SGR code of a colour, nil for the terminal's default (which the reset restores).
    private static func colorCode(_ color: Color, base: Int, brightBase: Int) -> Int? {
        switch color.rawValue {
        case 0: nil
        case 1...8: base + Int(color.rawValue) - 1
        default: brightBase + Int(color.rawValue) - 9
        }
    }

    /// True for scalars that terminals draw two cells wide: CJK, Hangul, full-width forms and
    /// emoji (the East Asian Wide and Fullwidth ranges that matter for names).
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}
