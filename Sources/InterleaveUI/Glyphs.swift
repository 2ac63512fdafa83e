import InterleaveTrace

/// The characters views draw with, in a Unicode set and a plain ASCII set.
///
/// Every task state has its own glyph, so states stay distinct without colour (monochrome
/// themes, colour-blind readers, text snapshots).
/// ```swift
/// let glyphs = backend.supportsUnicode ? Glyphs.unicode : Glyphs.ascii
/// glyphs.state(.running)   // "█"
/// ```
public struct Glyphs: Sendable, Equatable {
    public var created: Unicode.Scalar
    public var running: Unicode.Scalar
    public var ready: Unicode.Scalar
    public var sleeping: Unicode.Scalar
    public var waiting: Unicode.Scalar
    public var blocking: Unicode.Scalar
    public var done: Unicode.Scalar
    public var failed: Unicode.Scalar
    public var cancelled: Unicode.Scalar

    // Box drawing.
    public var horizontal: Unicode.Scalar
    public var vertical: Unicode.Scalar
    public var topLeft: Unicode.Scalar
    public var topRight: Unicode.Scalar
    public var bottomLeft: Unicode.Scalar
    public var bottomRight: Unicode.Scalar
    /// A tick on a horizontal axis line.
    public var tick: Unicode.Scalar

    // Bars and markers.
    public var barFull: Unicode.Scalar
    public var barEmpty: Unicode.Scalar
    /// Points at the selected lane and at the lines where tasks stand.
    public var marker: Unicode.Scalar
    /// Marks "now" under the time axis.
    public var nowMarker: Unicode.Scalar
    /// Marks, on a task's lane, where the schedule ran its job ahead of FIFO's.
    public var preempted: Unicode.Scalar
    /// The recording indicator in the header.
    public var recordingDot: Unicode.Scalar
    public var ellipsis: Unicode.Scalar
    /// "×" in speeds such as "2×".
    public var times: String
    /// "·" between header items.
    public var separator: String
    /// Arrow keys as the footer shows them.
    public var upDown: String
    public var leftArrow: String
    public var rightArrow: String
    /// Points from the code pane's task names back at the line: "<-" in ASCII, where the
    /// key name "left" beside code reads as more code.
    public var pointsBack: String

    /// The glyph for a task in `state`.
    public func state(_ state: TaskState) -> Unicode.Scalar {
        switch state {
        case .created: created
        case .ready: ready
        case .running: running
        case .sleeping: sleeping
        case .waiting: waiting
        case .blocking: blocking
        case .returned: done
        case .failed: failed
        case .cancelled: cancelled
        }
    }

    /// Block and box glyphs for UTF-8 terminals.
    public static let unicode = Glyphs(
        created: "┄", running: "█", ready: "▒", sleeping: "─", waiting: "░", blocking: "▓",
        done: "·", failed: "✗", cancelled: "⊘",
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        tick: "┴", barFull: "█", barEmpty: "░", marker: "▶", nowMarker: "▲", preempted: "»", recordingDot: "●",
        ellipsis: "…", times: "×", separator: "·", upDown: "↑↓", leftArrow: "←", rightArrow: "→",
        pointsBack: "←"
    )

    /// Seven-bit glyphs for terminals without UTF-8 (tokio-console's `--ascii-only`).
    public static let ascii = Glyphs(
        created: ":", running: "#", ready: "+", sleeping: "-", waiting: "~", blocking: "!",
        done: ".", failed: "x", cancelled: "c",
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        tick: "+", barFull: "#", barEmpty: ".", marker: ">", nowMarker: "^", preempted: ">", recordingDot: "*",
        ellipsis: "~", times: "x", separator: "|", upDown: "up/dn", leftArrow: "left", rightArrow: "right",
        pointsBack: "<-"
    )
}
