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
    /// The fields so far, comma-separated: one growing string, as exports write millions.
    private var body = ""

    init() {}

    var isEmpty: Bool { body.isEmpty }

    /// Keys are the exporters' own names (letters, digits, `_`, spaces), never text from a
    /// trace, so they are written as they are: quoting them cost a third of a large export.
    private mutating func append(_ key: String, _ json: String) {
        if !body.isEmpty { body += "," }
        body += "\""
        body += key
        body += "\":"
        body += json
    }

    mutating func add(_ key: String, _ value: String) {
        append(key, JSONText.quoted(value))
    }

    mutating func add(_ key: String, _ value: Int64) {
        append(key, String(value))
    }

    mutating func add(_ key: String, _ value: Int) {
        append(key, String(value))
    }

    mutating func add(_ key: String, _ value: Bool) {
        append(key, String(value))
    }

    /// A value already written as JSON (a number in a chosen format, a nested object or array).
    mutating func add(_ key: String, json: String) {
        append(key, json)
    }

    mutating func add(_ key: String, _ object: JSONFields) {
        add(key, json: object.text)
    }

    var text: String { "{" + body + "}" }
}

extension JSONFields {
    /// The run's facts from its header, as both exports state them: demo, title, seed (a
    /// string: a 64-bit seed is beyond the integers a JSON reader's doubles hold exactly),
    /// schedule, choices and the version that wrote it.
    mutating func addRunFacts(_ header: TraceHeader) {
        add("demo", header.demoName)
        add("title", header.title)
        add("seed", "\(header.seed)")
        add("schedule", header.schedule)
        add("choices", json: "[" + header.choices.map(String.init).joined(separator: ",") + "]")
        add("interleave_version", header.toolVersion)
    }
}
