/// The terminal's sixteen colours as SVG colours, so a picture uses the TUI theme's hues.
///
/// The values are the Tango palette (GNOME Terminal's default), whose normal colours stay
/// readable on the white page of a slide and whose bright ones on the dark page of a screen.
/// ```swift
/// SVGPalette.hex(.green)              // "#4e9a06"
/// SVGPalette.hex(.default, page: .light)   // the page's text colour
/// ```
public enum SVGPalette {
    /// Which page the colours sit on: it decides what the terminal's "default" colours become.
    public enum Page: Sendable {
        /// White paper, for the timeline picture.
        case light
        /// A dark terminal, for a screen frame.
        case dark

        public var background: String { self == .light ? "#ffffff" : "#1e1e1e" }
        public var foreground: String { self == .light ? "#1e1e1e" : "#d3d7cf" }
    }

    /// The colour for a terminal colour; `.default` is the page's text colour.
    public static func hex(_ color: Color, page: Page = .light) -> String {
        switch color {
        case .default: page.foreground
        case .black: "#2e3436"
        case .red: "#cc0000"
        case .green: "#4e9a06"
        case .yellow: "#c4a000"
        case .blue: "#3465a4"
        case .magenta: "#75507b"
        case .cyan: "#06989a"
        case .white: "#d3d7cf"
        case .brightBlack: "#888a85"
        case .brightRed: "#ef2929"
        case .brightGreen: "#8ae234"
        case .brightYellow: "#fce94f"
        case .brightBlue: "#729fcf"
        case .brightMagenta: "#ad7fa8"
        case .brightCyan: "#34e2e2"
        case .brightWhite: "#eeeeec"
        }
    }

    /// The background for a terminal colour; `.default` is the page itself.
    public static func backgroundHex(_ color: Color, page: Page = .light) -> String {
        color == .default ? page.background : hex(color, page: page)
    }
}
