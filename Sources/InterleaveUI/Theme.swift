import InterleaveTrace

/// Maps every `Role` to a `Style`: the only place that knows colours.
///
/// Three themes ship: `color` for ordinary terminals, `monochrome` for NO_COLOR and terminals
/// without colour (attributes only, so nothing depends on hue), and `presentation`, a high
/// contrast variant for projectors. The caller decides which one applies.
/// ```swift
/// let theme = environmentHasNoColor ? Theme.monochrome : Theme.color
/// buffer.write("held", x: 0, y: 0, style: theme.style(.lockHeld))
/// ```
public struct Theme: Sendable, Equatable {
    public var name: String
    /// Styles indexed by `Role.rawValue`: a lookup per cell must stay cheap.
    private var styles: [Style]

    /// Builds a theme by asking `styleFor` once per role.
    public init(name: String, _ styleFor: (Role) -> Style) {
        self.name = name
        styles = Role.allCases.map(styleFor)
    }

    /// The style for `role`.
    public func style(_ role: Role) -> Style { styles[role.rawValue] }

    /// The style for a task in `state`.
    public func style(for state: TaskState) -> Style { style(.task(state)) }

    /// Picks `monochrome` when colour is off, else `presentation` or `color`.
    public static func choose(color: Bool, presentation: Bool) -> Theme {
        guard color else { return .monochrome }
        return presentation ? .presentation : .color
    }

    /// Colours on a default background, for everyday terminals.
    public static let color = Theme(name: "color") { role in
        switch role {
        case .headerBar: Style(foreground: .brightWhite, background: .blue)
        case .headerMode: Style(foreground: .black, background: .cyan, attributes: .bold)
        case .headerAlert: Style(foreground: .brightWhite, background: .red, attributes: .bold)
        case .title: Style(attributes: .bold)
        case .paneBorder: Style(foreground: .brightBlack)
        case .paneTitle: Style(foreground: .cyan, attributes: .bold)
        case .focusedBorder: Style(foreground: .brightCyan, attributes: .bold)
        case .taskCreated: Style(foreground: .brightBlack)
        case .taskRunning: Style(foreground: .green, attributes: .bold)
        case .taskReady: Style(foreground: .yellow)
        case .taskSleeping: Style(foreground: .blue)
        case .taskWaiting: Style(foreground: .magenta)
        case .taskBlocking: Style(foreground: .brightRed, attributes: .bold)
        case .taskDone: Style(foreground: .brightBlack)
        case .taskFailed: Style(foreground: .red, attributes: .bold)
        case .taskCancelled: Style(foreground: .brightMagenta)
        case .selection: Style(attributes: .reverse)
        case .laneLabel, .codeLine, .logText, .overlay, .resourceName, .footerText: .plain
        case .axis, .dim, .logTime, .codeLineNumber, .queueEmpty, .eventClear: Style(foreground: .brightBlack)
        case .nowCursor: Style(foreground: .cyan, attributes: .bold)
        case .preemption: Style(foreground: .black, background: .brightYellow, attributes: .bold)
        case .lockFree, .eventSet, .futureResolved: Style(foreground: .green)
        case .lockHeld, .futurePending: Style(foreground: .yellow)
        case .lockContended: Style(foreground: .brightRed, attributes: .bold)
        case .queueBar: Style(foreground: .cyan)
        case .futureFailed: Style(foreground: .red, attributes: .bold)
        case .caption: Style(foreground: .brightWhite, background: .blue)
        case .diagnostic: Style(foreground: .brightWhite, background: .red, attributes: .bold)
        case .status: Style(foreground: .black, background: .yellow)
        case .footerKey: Style(foreground: .black, background: .cyan)
        case .logOutput: Style(attributes: .bold)
        case .codeMarker: Style(foreground: .yellow, attributes: .bold)
        case .codeCurrentLine: Style(foreground: .black, background: .yellow)
        case .overlayBorder: Style(foreground: .brightCyan, attributes: .bold)
        }
    }

    /// Attributes only (bold, dim, reverse, underline): for NO_COLOR and monochrome terminals.
    public static let monochrome = Theme(name: "monochrome") { role in
        switch role {
        case .headerBar, .selection, .footerKey, .codeCurrentLine, .status: Style(attributes: .reverse)
        case .headerMode, .caption: Style(attributes: [.reverse, .bold])
        case .headerAlert, .diagnostic, .preemption: Style(attributes: [.reverse, .bold, .underline])
        case .title, .paneTitle, .focusedBorder, .taskRunning, .taskBlocking, .taskFailed, .nowCursor,
            .logOutput, .codeMarker, .overlayBorder, .futureFailed, .lockHeld, .eventSet:
            Style(attributes: .bold)
        case .lockContended: Style(attributes: [.bold, .underline])
        case .paneBorder, .taskCreated, .taskDone, .taskCancelled, .axis, .dim, .logTime, .codeLineNumber,
            .queueEmpty, .eventClear, .taskSleeping:
            Style(attributes: .dim)
        case .taskReady, .taskWaiting, .laneLabel, .resourceName, .lockFree, .queueBar, .futurePending,
            .futureResolved, .footerText, .logText, .codeLine, .overlay:
            .plain
        }
    }

    /// Bright colours and bold text, readable on a projector from the back of a room.
    public static let presentation = Theme(name: "presentation") { role in
        switch role {
        case .headerBar: return Style(foreground: .brightWhite, background: .black, attributes: .bold)
        case .headerMode: return Style(foreground: .black, background: .brightCyan, attributes: .bold)
        case .paneBorder, .taskCreated, .taskDone, .axis, .dim, .logTime, .codeLineNumber, .queueEmpty, .eventClear:
            return Style(foreground: .white)
        case .taskRunning: return Style(foreground: .brightGreen, attributes: .bold)
        case .taskReady: return Style(foreground: .brightYellow, attributes: .bold)
        case .taskSleeping: return Style(foreground: .brightBlue, attributes: .bold)
        case .taskWaiting: return Style(foreground: .brightMagenta, attributes: .bold)
        case .caption: return Style(foreground: .black, background: .brightYellow, attributes: .bold)
        default:
            var style = Theme.color.style(role)
            style.attributes.insert(.bold)
            return style
        }
    }
}
