import Foundation

/// One event line from the Python side (docs/python-protocol.md): the kind in `e`, the other
/// fields present only where that kind has them.
struct PythonEvent: Decodable, Sendable {
    let e: String
    let id: Int?
    let name: String?
    let parent: Int?
    let file: String?
    let line: Int?
    let until: Int64?
    let resource: Int?
    let op: String?
    let awaiting: Int?
    let error: String?
    let kind: String?
    let capacity: Int64?
    let task: Int?
    let value: Int64?
    let text: String?
    let stream: String?
    let at: Int64?
    let status: Int32?
    let version: String?
    let `protocol`: Int?
    /// `ran`: the command the Python side ran by itself, and its clock.
    let c: String?
    let now: Int64?

    private static let decoder = JSONDecoder()

    /// The event on `line`, or nil when it is not one (a line the runner did not write).
    static func parse(_ line: [UInt8]) -> PythonEvent? {
        try? decoder.decode(PythonEvent.self, from: Data(line))
    }
}
