/// One JSON object built field by field, keys in the order added: the exporters' one way to
/// write an object, so that every string goes through `JSONText.quoted` and no field is
/// written by hand-concatenated quotes.
///
/// ```swift
/// var fields = JSONFields()
/// fields.add("kind", "caption")
/// fields.add("t", 500_000_000)
/// fields.text   // {"kind":"caption","t":500000000}
/// ```
struct JSONFields {
    private var parts: [String] = []

    init() {}

    var isEmpty: Bool { parts.isEmpty }

    mutating func add(_ key: String, _ value: String) {
        parts.append(JSONText.quoted(key) + ":" + JSONText.quoted(value))
    }

    mutating func add(_ key: String, _ value: Int64) {
        parts.append(JSONText.quoted(key) + ":\(value)")
    }

    mutating func add(_ key: String, _ value: Int) {
        parts.append(JSONText.quoted(key) + ":\(value)")
    }

    mutating func add(_ key: String, _ value: Bool) {
        parts.append(JSONText.quoted(key) + ":\(value)")
    }

    /// A value already written as JSON (a number in a chosen format, a nested object or array).
    mutating func add(_ key: String, json: String) {
        parts.append(JSONText.quoted(key) + ":" + json)
    }

    mutating func add(_ key: String, _ object: JSONFields) {
        add(key, json: object.text)
    }

    var text: String { "{" + parts.joined(separator: ",") + "}" }
}
