extension KeyMap {
    /// The demo picker's keys. Home/End and g/G go to the first and last demo, as they go to
    /// the first and last step in a run; Esc quits, as it leaves a run.
    ///
    /// ```swift
    /// KeyMap(glyphs: .unicode).action(for: .character("j"), mode: .picker)   // .pickerMove(1)
    /// ```
    static func pickerBindings(glyphs: Glyphs) -> [KeyBinding] {
        func bind(
            _ keys: [Key], _ help: String, _ footer: String, _ action: Action, footer show: Bool = true,
            footerLabel: String? = nil
        ) -> KeyBinding {
            KeyBinding(
                keys: keys, help: help, footer: footer, action: action, showInFooter: show, modes: [.picker],
                footerLabel: footerLabel, glyphs: glyphs)
        }
        let upDown = glyphs == .ascii ? "j/k" : "↑↓"
        return [
            bind([.down, .character("j")], "next demo", "choose", .pickerMove(1), footerLabel: upDown),
            bind([.up, .character("k")], "previous demo", "choose", .pickerMove(-1), footer: false),
            bind([.pageDown], "a page further down the list", "page down", .pageDown, footer: false),
            bind([.pageUp], "a page further up the list", "page up", .pageUp, footer: false),
            bind([.home, .character("g")], "first demo", "first/last", .pickerFirst, footerLabel: "home/end"),
            bind([.end, .character("G")], "last demo", "last", .pickerLast, footer: false),
            bind([.enter], "run the highlighted demo or challenge", "run", .pickerOpen),
            bind([.character("m")], "manual schedule on/off for the demos opened", "manual", .toggleManualSchedule),
            bind([.character("?")], "this help on/off", "help", .toggleHelp),
            bind([.character("q"), .escape], "quit (closes this help first)", "quit", .quit, footerLabel: "q"),
            bind([.control("c")], "quit Interleave", "quit", .quitProgram, footer: false),
        ]
    }
}
