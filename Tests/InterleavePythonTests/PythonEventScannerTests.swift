import Foundation
@testable import InterleavePython
import Testing

/// The scanner reads every event line as `JSONDecoder` does, and leaves to it what it does not read.
struct PythonEventScannerTests {
    static let lines: [String] = [
        #"{"e":"ready","id":3}"#,
        #"{"e":"op","resource":2,"task":null,"op":"put","value":-1,"file":"/tmp/a b.py","line":12}"#,
        #"{"e":"print","task":1,"text":"tab\there \"quoted\" back\\slash \/ \u00e9 \ud83d\ude00 \u0041"}"#,
        #" { "e" : "timer" , "at" : 9223372036854775807 } "#,
        #"{"e":"exit","status":1,"error":"Traceback (most recent call last):\n  File \"x.py\", line 1\nValueError: bad"}"#,
        #"{"e":"task","id":1,"name":"main","parent":null,"file":"/p/é.py","line":4}"#,
        #"{"e":"hello","version":"3.11.7","protocol":1}"#,
        #"{"e":"ran","c":"step","id":2,"now":1000000000}"#,
        #"{"e":"resource","id":1,"kind":"queue","name":"Queue","capacity":0,"file":null,"line":null,"extra":true}"#,
    ]

    @Test(arguments: lines)
    func readsAsJSONDecoderDoes(_ line: String) throws {
        let bytes = Array(line.utf8)
        let scanned = try #require(PythonEventScanner.scan(bytes))
        let decoded = try JSONDecoder().decode(PythonEvent.self, from: Data(bytes))
        #expect(String(describing: scanned) == String(describing: decoded))
    }

    @Test func aLoneSurrogateBecomesTheReplacementCharacter() throws {
        let scanned = try #require(PythonEventScanner.scan(Array(#"{"e":"print","text":"a\ud800b"}"#.utf8)))
        #expect(scanned.text == "a\u{FFFD}b")
    }

    /// Not the protocol's flat objects: left to `JSONDecoder` (which takes or refuses them).
    @Test(arguments: [#"{"e":"x","v":[1]}"#, #"{"e":"x","v":1.5}"#, #"{"id":1}"#, "not json", #"{"e":"x""#, ""])
    func leavesWhatItDoesNotReadToJSONDecoder(_ line: String) {
        #expect(PythonEventScanner.scan(Array(line.utf8)) == nil)
    }
}
