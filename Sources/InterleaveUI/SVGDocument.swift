import InterleaveTrace

/// A standalone SVG document built as text: elements appended in drawing order, every piece of
/// text and every attribute value escaped, no external resources.
///
/// Text from a trace is untrusted: `escape` first makes control characters visible (as the
/// terminal views do, since XML 1.0 cannot carry most of them at all), then escapes XML's
/// markup characters, so a task named `</text><script>` stays text.
/// ```swift
/// var svg = SVGDocument(width: 400, height: 100, title: "lock demo")
/// svg.rect(x: 0, y: 0, width: 10, height: 10, fill: "#4e9a06")
/// svg.text("main", x: 4, y: 20)
/// let xml = svg.render()
/// ```
public struct SVGDocument: Sendable {
    /// Monospace, with fallbacks a browser, Inkscape and a slide tool all find.
    public static let fontFamily = "DejaVu Sans Mono, Menlo, Consolas, Liberation Mono, monospace"

    public var width: Double
    public var height: Double
    public var title: String
    public var background: String
    private var body: [String] = []

    public init(width: Double, height: Double, title: String, background: String = "#ffffff") {
        self.width = width
        self.height = height
        self.title = title
        self.background = background
    }

    /// Appends raw markup the caller built from escaped parts (groups, shapes).
    public mutating func raw(_ markup: String) { body.append(markup) }

    /// Opens a group with the given attributes (values escaped); close it with `end()`.
    public mutating func group(_ attributes: [(String, String)] = []) {
        body.append("<g" + Self.attributes(attributes) + ">")
    }

    public mutating func end() { body.append("</g>") }

    /// A filled rectangle, with an optional tooltip (`<title>`, shown on hover).
    public mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, tooltip: String? = nil,
        extra: [(String, String)] = []
    ) {
        let geometry: [(String, String)] = [
            ("x", Self.number(x)), ("y", Self.number(y)), ("width", Self.number(width)), ("height", Self.number(height)),
            ("fill", fill),
        ]
        let open = "<rect" + Self.attributes(geometry + extra)
        if let tooltip {
            body.append(open + "><title>" + Self.escape(tooltip) + "</title></rect>")
        } else {
            body.append(open + "/>")
        }
    }

    /// A line of text with its baseline at `y`; spaces are kept as typed.
    public mutating func text(_ text: String, x: Double, y: Double, extra: [(String, String)] = []) {
        let position: [(String, String)] = [("x", Self.number(x)), ("y", Self.number(y))]
        body.append("<text" + Self.attributes(position + extra) + ">" + Self.escape(text) + "</text>")
    }

    /// The whole document: XML declaration, `<svg>` with its size, `<title>`, background, body.
    public func render() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\""
        out += " width=\"\(Self.number(width))\" height=\"\(Self.number(height))\""
        out += " viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\""
        out += " font-family=\"\(Self.escape(Self.fontFamily))\">\n"
        out += "<title>" + Self.escape(title) + "</title>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"\(Self.escape(background))\"/>\n"
        for element in body { out += element + "\n" }
        out += "</svg>\n"
        return out
    }

    /// Text made safe for XML character data and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in SafeText.escape(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // Not characters in XML 1.0 at all, escaped or not.
            case "\u{FFFE}", "\u{FFFF}": out += "?"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A coordinate with at most two decimals and no trailing zeros ("12", "3.5").
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = (value * 100).rounded()
        if hundredths.magnitude >= 1e15 { return String(Int64(value.rounded())) }
        let whole = Int64(hundredths)
        let sign = whole < 0 ? "-" : ""
        let magnitude = whole.magnitude
        let fraction = magnitude % 100
        guard fraction != 0 else { return sign + String(magnitude / 100) }
        let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
        return sign + String(magnitude / 100) + "." + digits
    }

    static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }
}
