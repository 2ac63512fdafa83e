extension KeyMap {
    /// The keys while predict mode shows a question (digits answer) or its answer (space, →,
    /// Enter or `n` go on); help and quit always work. The driver uses these instead of the
    /// run's or the presentation's keys while a question holds, so a presentation's digits,
    /// which otherwise jump to an item, answer the question.
    ///
    /// ```swift
    /// let keys = KeyMap.predict(glyphs: .ascii, options: 3, revealed: false)
    /// keys.action(for: .character("2"), mode: .paused)   // .predictAnswer(2)
    /// ```
    public static func predict(glyphs: Glyphs = .unicode, options: Int = 4, revealed: Bool) -> KeyMap {
        func bind(
            _ keys: [Key], _ help: String, _ footer: String, _ action: Action, footer show: Bool = true,
            footerLabel: String? = nil, label: String? = nil
        ) -> KeyBinding {
            KeyBinding(
                keys: keys, label: label, help: help, footer: footer, action: action, showInFooter: show,
                footerLabel: footerLabel, glyphs: glyphs)
        }
        let count = max(1, min(options, 9))
        let step: KeyBinding = revealed
            ? bind([.character(" "), .right, .enter, .character("n")], "go on to the next question", "go on",
                   .predictContinue, footerLabel: "space")
            : bind((1...count).map { .character(Character(String($0))) }, "answer with that option", "answer",
                   .predictAnswer(1), footerLabel: "1-\(count)", label: "1-\(count)")
        return KeyMap(bindings: [
            step,
            bind([.escape], "close this help", "close", .backToPicker, footer: false),
            bind([.character("?")], "this help on/off", "help", .toggleHelp),
            bind([.character("q")], "quit", "quit", .quit),
            bind([.control("c")], "quit Interleave", "quit", .quitProgram, footer: false),
        ])
    }
}
