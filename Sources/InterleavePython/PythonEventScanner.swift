import Foundation

/// Reads one event line of the protocol directly: a flat JSON object whose values are strings,
/// integers, booleans or null, as every event is. `JSONDecoder` reads the same lines, but
/// through `Codable` it took three quarters of the Swift side's time on a busy program (a
/// keyed look-up for each of the event's optional fields, on every line); a line this does not
/// read (a nested value, a fraction) goes to `JSONDecoder` still (`PythonEvent.parse`).
enum PythonEventScanner {
    static func scan(_ line: [UInt8]) -> PythonEvent? {
        line.withUnsafeBufferPointer { bytes in
            var reader = Reader(bytes: bytes)
            return reader.event()
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        mutating func event() -> PythonEvent? {
            var event = PythonEvent()
            var sawKind = false
            skipSpace()
            guard take(UInt8(ascii: "{")) else { return nil }
            skipSpace()
            if take(UInt8(ascii: "}")) { return nil }
            repeat {
                skipSpace()
                guard take(UInt8(ascii: "\"")), let key = string() else { return nil }
                skipSpace()
                guard take(UInt8(ascii: ":")) else { return nil }
                skipSpace()
                guard let value = value() else { return nil }
                if key == "e", case .text(let kind) = value { sawKind = true; event.e = kind } else { event.set(key, value) }
                skipSpace()
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
            skipSpace()
            return sawKind && at == bytes.count ? event : nil
        }

        private mutating func value() -> PythonEvent.Value? {
            guard at < bytes.count else { return nil }
            switch bytes[at] {
            case UInt8(ascii: "\""):
                at += 1
                return string().map(PythonEvent.Value.text)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return integer().map(PythonEvent.Value.integer)
            case UInt8(ascii: "n"):
                return word(Self.null) ? .null : nil
            case UInt8(ascii: "t"):
                return word(Self.true) ? .null : nil
            case UInt8(ascii: "f"):
                return word(Self.false) ? .null : nil
            default:
                return nil
            }
        }

        /// The rest of a string whose opening quote was taken.
        private mutating func string() -> String? {
            let start = at
            while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\") { at += 1 }
            guard at < bytes.count else { return nil }
            if bytes[at] == UInt8(ascii: "\"") {
                defer { at += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
            }
            var text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
            var pendingHigh: UInt16?
            while at < bytes.count {
                let byte = bytes[at]
                if byte == UInt8(ascii: "\"") {
                    at += 1
                    if pendingHigh != nil { text.unicodeScalars.append("\u{FFFD}") }
                    return text
                }
                guard byte == UInt8(ascii: "\\") else {
                    let run = at
                    while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\") { at += 1 }
                    if pendingHigh != nil { text.unicodeScalars.append("\u{FFFD}"); pendingHigh = nil }
                    text += String(decoding: UnsafeBufferPointer(rebasing: bytes[run..<at]), as: UTF8.self)
                    continue
                }
                at += 1
                guard at < bytes.count else { return nil }
                let escaped = bytes[at]
                at += 1
                if escaped == UInt8(ascii: "u") {
                    guard let unit = hexUnit() else { return nil }
                    if let high = pendingHigh {
                        pendingHigh = nil
                        if (0xDC00...0xDFFF).contains(unit) {
                            let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
                            text.unicodeScalars.append(Unicode.Scalar(scalar) ?? "\u{FFFD}")
                            continue
                        }
                        text.unicodeScalars.append("\u{FFFD}")
                    }
                    if (0xD800...0xDBFF).contains(unit) { pendingHigh = unit; continue }
                    text.unicodeScalars.append(Unicode.Scalar(UInt32(unit)) ?? "\u{FFFD}")
                    continue
                }
                if pendingHigh != nil { text.unicodeScalars.append("\u{FFFD}"); pendingHigh = nil }
                switch escaped {
                case UInt8(ascii: "\""): text += "\""
                case UInt8(ascii: "\\"): text += "\\"
                case UInt8(ascii: "/"): text += "/"
                case UInt8(ascii: "b"): text += "\u{08}"
                case UInt8(ascii: "f"): text += "\u{0C}"
                case UInt8(ascii: "n"): text += "\n"
                case UInt8(ascii: "r"): text += "\r"
                case UInt8(ascii: "t"): text += "\t"
                default: return nil
                }
            }
            return nil
        }

        private mutating func hexUnit() -> UInt16? {
            guard at + 4 <= bytes.count else { return nil }
            var unit: UInt16 = 0
            for _ in 0..<4 {
                let byte = bytes[at]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                unit = unit << 4 | UInt16(digit)
                at += 1
            }
            return unit
        }

        /// An integer; nil for a fraction or an exponent (not in the protocol), or an overflow.
        private mutating func integer() -> Int64? {
            let negative = take(UInt8(ascii: "-"))
            let start = at
            var magnitude: Int64 = 0
            while at < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) {
                let (times, overflow) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, overflowed) = times.addingReportingOverflow(Int64(bytes[at] - UInt8(ascii: "0")))
                guard !overflow, !overflowed else { return nil }
                magnitude = sum
                at += 1
            }
            guard at > start else { return nil }
            if at < bytes.count, bytes[at] == UInt8(ascii: ".") || bytes[at] | 0x20 == UInt8(ascii: "e") { return nil }
            return negative ? -magnitude : magnitude
        }

        private static let null = Array("null".utf8), `true` = Array("true".utf8), `false` = Array("false".utf8)

        private mutating func word(_ utf8: [UInt8]) -> Bool {
            guard at + utf8.count <= bytes.count, bytes[at..<at + utf8.count].elementsEqual(utf8) else { return false }
            at += utf8.count
            return true
        }

        private mutating func take(_ byte: UInt8) -> Bool {
            guard at < bytes.count, bytes[at] == byte else { return false }
            at += 1
            return true
        }

        private mutating func skipSpace() {
            while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x09 || bytes[at] == 0x0A || bytes[at] == 0x0D { at += 1 }
        }
    }
}
