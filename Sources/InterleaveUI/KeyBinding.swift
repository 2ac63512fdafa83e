/// One key binding, carrying its own help text so that the footer and the help overlay are
/// generated from the same table and cannot drift apart.
///
/// ```swift
/// KeyBinding(keys: [.character("q")], help: "quit", footer: "quit", action: .quit)
/// ```
public struct KeyBinding: Sendable, Equatable {
    /// The keys that trigger it; the first one is the one the footer names.
    public var keys: [Key]
    /// How the keys read on screen: "space", "s/→".
    public var label: String
    /// A sentence for the help overlay.
    public var help: String
    /// A word or two for the footer.
    public var footer: String
    public var action: Action
    public var showInFooter: Bool
    /// The modes in which the binding applies: a run's unless it says otherwise.
    public var modes: Set<AppState.Mode>
    /// A different label for the footer, when one entry stands for a pair ("+/-").
    public var footerLabel: String?
    /// How the footer names the keys: `footerLabel`, else only the first key ("s", not "s/→"),
    /// so the bar has room for every action at 120 columns; help lists the other keys.
    public var footerKey: String
    /// A different footer word in some modes ("resume" while paused).
    public var footerByMode: [AppState.Mode: String]

    public init(
        keys: [Key], label: String? = nil, help: String, footer: String, action: Action, showInFooter: Bool = true,
        modes: Set<AppState.Mode> = AppState.runModes, footerLabel: String? = nil,
        footerByMode: [AppState.Mode: String] = [:], glyphs: Glyphs = .unicode
    ) {
        self.keys = keys
        self.label = label ?? keys.map { Self.name(of: $0, glyphs: glyphs) }.joined(separator: "/")
        self.help = help
        self.footer = footer
        self.action = action
        self.showInFooter = showInFooter
        self.modes = modes
        self.footerLabel = footerLabel
        footerKey = footerLabel ?? keys.first.map { Self.name(of: $0, glyphs: glyphs) } ?? ""
        self.footerByMode = footerByMode
    }

    /// The footer's word for `mode`.
    public func footer(in mode: AppState.Mode) -> String { footerByMode[mode] ?? footer }

    /// How a key reads on screen.
    public static func name(of key: Key, glyphs: Glyphs = .unicode) -> String {
        switch key {
        case .character(" "): "space"
        case .character(let c): String(c)
        case .up: glyphs == .ascii ? "up" : "↑"
        case .down: glyphs == .ascii ? "down" : "↓"
        case .left: glyphs.leftArrow
        case .right: glyphs.rightArrow
        case .enter: "enter"
        case .tab: "tab"
        case .backTab: "shift-tab"
        case .escape: "esc"
        case .backspace: "backspace"
        case .pageUp: "pgup"
        case .pageDown: "pgdn"
        case .home: "home"
        case .end: "end"
        case .function(let n): "F\(n)"
        case .control(let c): "ctrl-\(c)"
        }
    }
}
