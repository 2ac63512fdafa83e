/// Hands out ncurses colour-pair numbers for (foreground, background) combinations, defining
/// each pair only the first time it is needed.
///
/// Terminals have few pairs (64 on plain xterm), so pairs are numbered 1, 2, 3… in order of
/// first use; when they run out, a style falls back to pair 0, the terminal's default colours.
/// ```swift
/// var cache = ColorPairCache(defaultColors: .init(foreground: -1, background: -1), pairLimit: 64)
/// cache.lookup(.init(foreground: 1, background: -1))   // .new(1): call init_pair(1, 1, -1)
/// cache.lookup(.init(foreground: 1, background: -1))   // .existing(1)
/// ```
struct ColorPairCache {
    /// A foreground and background colour number; -1 is the terminal's default.
    struct Colors: Hashable {
        var foreground: Int16
        var background: Int16
    }

    enum Lookup: Equatable {
        /// Defined earlier (or pair 0): use it.
        case existing(Int16)
        /// Numbered just now: define it with `init_pair` before use.
        case new(Int16)
        /// No pair numbers left: use pair 0.
        case exhausted
    }

    /// The colours of pair 0.
    let defaultColors: Colors
    /// How many pairs the terminal has, pair 0 included (ncurses' COLOR_PAIRS).
    let pairLimit: Int
    private var numbers: [Colors: Int16] = [:]

    init(defaultColors: Colors, pairLimit: Int) {
        self.defaultColors = defaultColors
        // Pair numbers are shorts in the classic API; this UI needs at most 17 × 17.
        self.pairLimit = min(pairLimit, Int(Int16.max))
    }

    /// How many pairs have been defined.
    var count: Int { numbers.count }

    /// The pair number for `colors`.
    mutating func lookup(_ colors: Colors) -> Lookup {
        if colors == defaultColors { return .existing(0) }
        if let number = numbers[colors] { return .existing(number) }
        let next = numbers.count + 1
        guard next < pairLimit else { return .exhausted }
        numbers[colors] = Int16(next)
        return .new(Int16(next))
    }
}
