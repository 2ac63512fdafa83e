import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG file read back with a real XML parser: it must be well-formed, and tests then ask
/// about its elements (what a browser or Inkscape would see).
struct SVGReader {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
    }

    /// Every element in document order, with the character data directly inside it.
    private(set) var elements: [Element] = []

    /// Parses `xml`, or throws with the parser's line and message.
    init(_ xml: String) throws {
        let delegate = Collector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = delegate
        guard parser.parse() else {
            throw ReadError(line: parser.lineNumber, message: parser.parserError.map { "\($0)" } ?? "not well-formed")
        }
        elements = delegate.elements
    }

    struct ReadError: Error, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "XML error at line \(line): \(message)" }
    }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    func withClass(_ cls: String) -> [Element] {
        elements.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(cls)) }
    }

    /// All character data, joined: what a reader of the picture can read.
    var allText: String { elements.map(\.text).joined(separator: "\n") }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        private var open: [Int] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            open.append(elements.count)
            elements.append(Element(name: elementName, attributes: attributes, text: ""))
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            _ = open.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let last = open.last { elements[last].text += string }
        }
    }
}
