import Foundation

/// One command to the Python side (docs/python-protocol.md): its name, and the task and clock
/// where it has them. Running ahead, the Python side's `ran` names the command it ran itself,
/// which must equal the one the loop would have sent.
struct PythonCommand: Equatable, CustomStringConvertible {
    let name: String
    var id: Int?
    var now: Int64?
    var error: String?

    init(_ name: String, id: Int? = nil, now: Int64? = nil, error: String? = nil) {
        self.name = name
        self.id = id
        self.now = now
        self.error = error
    }

    /// The command a `ran` event announces.
    init(ran event: PythonEvent) {
        self.init(event.c ?? "?", id: event.id, now: event.now)
    }

    /// The JSON object sent.
    var fields: [String: Any] {
        var fields: [String: Any] = ["c": name]
        if let id { fields["id"] = id }
        if let now { fields["now"] = now }
        if let error { fields["error"] = error }
        return fields
    }

    /// "step 2 at 1000000000", for a one-line error.
    var description: String {
        name + (id.map { " \($0)" } ?? "") + (now.map { " at \($0)" } ?? "")
    }
}
