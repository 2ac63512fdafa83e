import InterleaveUI

/// Maps the UI's 16 colours onto the colour numbers a terminal offers.
///
/// Bright colours need a 16-colour terminal; on an 8-colour one a bright foreground becomes the
/// base colour in bold (how such terminals show "bright" text) and a bright background the base colour.
/// ```swift
/// let palette = CursesPalette(colorCount: 8, usesTerminalDefaults: true)
/// palette.number(for: .brightRed, asForeground: true)   // 1
/// palette.needsBold(.brightRed)                           // true
/// ```
struct CursesPalette: Equatable {
    /// How many colours the terminal has (ncurses' COLORS).
    var colorCount: Int
    /// Whether `use_default_colors` succeeded, so -1 stands for the terminal's own colours.
    var usesTerminalDefaults: Bool

    /// The ncurses colour number for `color`.
    func number(for color: Color, asForeground: Bool) -> Int16 {
        guard color != .default else {
            if usesTerminalDefaults { return -1 }
            return asForeground ? 7 : 0  // ncurses' pair 0 without default colours: white on black
        }
        let number = Int16(color.rawValue) - 1  // black is 0 ... brightWhite is 15
        return number >= 8 && colorCount < 16 ? number - 8 : number
    }

    /// Whether `color` as a foreground needs bold to look bright on this terminal.
    func needsBold(_ color: Color) -> Bool {
        colorCount < 16 && color.rawValue > Color.white.rawValue
    }

    /// The colours of pair 0, which every terminal has without `init_pair`.
    var defaultPair: ColorPairCache.Colors {
        ColorPairCache.Colors(
            foreground: number(for: .default, asForeground: true),
            background: number(for: .default, asForeground: false)
        )
    }
}
