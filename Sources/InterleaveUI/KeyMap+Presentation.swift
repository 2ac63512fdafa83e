extension KeyMap {
    /// The few keys of a presentation, chosen for a presenter's clicker and a keyboard alike:
    /// clickers send →/← or page down/up, so all of them move through the stops.
    ///
    /// ```swift
    /// let keys = KeyMap.presentation(glyphs: .unicode)
    /// keys.action(for: .character(" "), mode: .paused)   // .presentNext
    /// ```
    public static func presentation(glyphs: Glyphs = .unicode) -> KeyMap {
        func bind(
            _ keys: [Key], _ help: String, _ footer: String, _ action: Action, footer show: Bool = true,
            footerLabel: String? = nil, label: String? = nil
        ) -> KeyBinding {
            KeyBinding(
                keys: keys, label: label, help: help, footer: footer, action: action, showInFooter: show,
                footerLabel: footerLabel, glyphs: glyphs)
        }
        return KeyMap(bindings: [
            bind([.character(" "), .right, .pageDown, .enter, .character("n")], "next stop, or next item at the end",
                 "next", .presentNext, footerLabel: "space/\(glyphs.rightArrow)"),
            bind([.left, .pageUp, .backspace, .character("b")], "previous stop, or back to the previous item",
                 "back", .presentBack, footerLabel: glyphs.leftArrow),
            bind((0...9).map { .character(Character(String($0))) }, "jump to an item by its number (1 2: item 12)",
                 "item", .presentDigit(0), footerLabel: "0-9", label: "0-9"),
            bind([.character("p")], "pause or resume playing", "pause", .togglePause),
            bind([.character("r")], "play this item again from its start", "again", .restart),
            bind([.character("+"), .character("=")], "faster (double speed)", "speed", .faster, footerLabel: "+/-"),
            bind([.character("-"), .character("_")], "slower (half speed)", "slower", .slower, footer: false),
            bind([.character("P")], "full layout (events, footer) on/off", "layout", .togglePresentation),
            bind([.escape], "close this help", "close", .backToPicker, footer: false),
            bind([.character("?")], "this help on/off", "help", .toggleHelp),
            bind([.character("q"), .control("c")], "quit", "quit", .quit, footerLabel: "q"),
        ])
    }
}
