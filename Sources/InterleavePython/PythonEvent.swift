import Foundation

/// One event line from the Python side (docs/python-protocol.md): the kind in `e`, the other
/// fields present only where that kind has them.
struct PythonEvent: Decodable, Sendable {
    var e = ""
    var id: Int?
    var name: String?
    var parent: Int?
    var file: String?
    var line: Int?
    var until: Int64?
    var resource: Int?
    var op: String?
    var awaiting: Int?
    var error: String?
    var kind: String?
    var capacity: Int64?
    var task: Int?
    var value: Int64?
    var text: String?
    var stream: String?
    var at: Int64?
    var status: Int32?
    var version: String?
    var `protocol`: Int?
    /// `ran`: the command the Python side ran by itself, and its clock.
    var c: String?
    var now: Int64?

    private static let decoder = JSONDecoder()

    /// The event on `line`, or nil when it is not one (a line the runner did not write).
    static func parse(_ line: [UInt8]) -> PythonEvent? {
        PythonEventScanner.scan(line) ?? (try? decoder.decode(PythonEvent.self, from: Data(line)))
    }

    /// A field's value as the scanner reads it (booleans are in no event: read as null).
    enum Value {
        case text(String)
        case integer(Int64)
        case null
    }

    /// Sets the field `key` (an unknown key, or a value of the wrong type, is left out, as
    /// `JSONDecoder` would leave out an unknown key; a wrong type there fails the line).
    mutating func set(_ key: String, _ field: Value) {
        switch (key, field) {
        case (_, .null): return
        case ("id", .integer(let number)): id = Int(number)
        case ("name", .text(let string)): name = string
        case ("parent", .integer(let number)): parent = Int(number)
        case ("file", .text(let string)): file = string
        case ("line", .integer(let number)): line = Int(number)
        case ("until", .integer(let number)): until = number
        case ("resource", .integer(let number)): resource = Int(number)
        case ("op", .text(let string)): op = string
        case ("awaiting", .integer(let number)): awaiting = Int(number)
        case ("error", .text(let string)): error = string
        case ("kind", .text(let string)): kind = string
        case ("capacity", .integer(let number)): capacity = number
        case ("task", .integer(let number)): task = Int(number)
        case ("value", .integer(let number)): self.value = number
        case ("text", .text(let string)): text = string
        case ("stream", .text(let string)): stream = string
        case ("at", .integer(let number)): at = number
        case ("status", .integer(let number)): status = Int32(truncatingIfNeeded: number)
        case ("version", .text(let string)): version = string
        case ("protocol", .integer(let number)): `protocol` = Int(number)
        case ("c", .text(let string)): c = string
        case ("now", .integer(let number)): now = number
        default: return
        }
    }
}
