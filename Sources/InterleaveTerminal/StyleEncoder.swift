import CNCurses
import InterleaveUI

/// Turns a `Style` into the attributes and colour pair ncurses draws it with, remembering the
/// answer for each style, so a frame costs one dictionary lookup per cell.
///
/// ```swift
/// var styles = StyleEncoder(palette: CursesPalette(colorCount: 256, usesTerminalDefaults: true), pairLimit: 256)
/// let look = styles.encode(Style(foreground: .red, attributes: .bold)) { number, colors in
///     init_pair(number, colors.foreground, colors.background)
/// }
/// ```
struct StyleEncoder {
    /// What `setcchar` takes.
    struct Encoded: Equatable {
        var attributes: attr_t
        var pair: Int16
    }

    /// The terminal's colours; nil when colours are off (monochrome terminal or NO_COLOR).
    let palette: CursesPalette?
    private(set) var pairs: ColorPairCache
    private var remembered: [Style: Encoded] = [:]

    init(palette: CursesPalette?, pairLimit: Int) {
        self.palette = palette
        let defaults = palette?.defaultPair ?? ColorPairCache.Colors(foreground: -1, background: -1)
        pairs = ColorPairCache(defaultColors: defaults, pairLimit: palette == nil ? 1 : pairLimit)
    }

    /// The attributes and pair for `style`; calls `definePair` once for each pair first used.
    mutating func encode(_ style: Style, definePair: (Int16, ColorPairCache.Colors) -> Void) -> Encoded {
        if let known = remembered[style] { return known }
        var encoded = Encoded(attributes: Self.attributes(style.attributes), pair: 0)
        if let palette {
            let colors = ColorPairCache.Colors(
                foreground: palette.number(for: style.foreground, asForeground: true),
                background: palette.number(for: style.background, asForeground: false)
            )
            switch pairs.lookup(colors) {
            case .existing(let number): encoded.pair = number
            case .new(let number):
                definePair(number, colors)
                encoded.pair = number
            case .exhausted: encoded.pair = 0
            }
            if palette.needsBold(style.foreground) { encoded.attributes |= cncurses_attribute_bold() }
        }
        remembered[style] = encoded
        return encoded
    }

    /// The ncurses attribute bits for UI attributes.
    static func attributes(_ attributes: Attributes) -> attr_t {
        var bits = cncurses_attribute_normal()
        if attributes.contains(.bold) { bits |= cncurses_attribute_bold() }
        if attributes.contains(.dim) { bits |= cncurses_attribute_dim() }
        if attributes.contains(.reverse) { bits |= cncurses_attribute_reverse() }
        if attributes.contains(.underline) { bits |= cncurses_attribute_underline() }
        return bits
    }
}
