import InterleaveUI

/// A tiny terminal that understands exactly the escape sequences a frame encoder may write:
/// cursor show/hide, clear screen, absolute cursor moves and SGR with 16 colours.
///
/// Anything else (another escape sequence, a control character) is recorded in `rejected`,
/// so a test can both replay the bytes and prove that nothing unexpected was in them.
struct TerminalModel {
    private(set) var screen: Buffer
    private(set) var rejected: [String] = []
    private var x = 0
    private var y = 0
    private var pen = Style.plain

    init(width: Int, height: Int) {
        screen = Buffer(width: width, height: height)
    }

    mutating func feed(_ bytes: String) {
        var scalars = bytes.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            if scalar == "\u{1B}" {
                guard scalars.popFirst() == "[" else { rejected.append("ESC not followed by ["); continue }
                var parameters = ""
                var final: Unicode.Scalar?
                while let next = scalars.popFirst() {
                    if next.properties.numericType != nil || next == ";" || next == "?" {
                        parameters.unicodeScalars.append(next)
                    } else {
                        final = next
                        break
                    }
                }
                apply(parameters, final)
            } else if SafeText.isControl(scalar) {
                rejected.append("control U+\(String(scalar.value, radix: 16))")
            } else {
                if x < screen.width, y < screen.height { screen[x, y] = Cell(scalar, style: pen) }
                x += 1
            }
        }
    }

    private mutating func apply(_ parameters: String, _ final: Unicode.Scalar?) {
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        switch (parameters, final) {
        case ("?25", "l"), ("?25", "h"): break
        case ("2", "J"): screen = Buffer(width: screen.width, height: screen.height)
        case (_, "H") where numbers.count == 2:
            y = numbers[0] - 1
            x = numbers[1] - 1
        case (_, "m"): pen = style(numbers)
        default: rejected.append("CSI \(parameters)\(final.map { String($0) } ?? "<end>")")
        }
    }

    private mutating func style(_ codes: [Int]) -> Style {
        var style = Style.plain
        for code in codes {
            switch code {
            case 0: style = .plain
            case 1: style.attributes.insert(.bold)
            case 2: style.attributes.insert(.dim)
            case 4: style.attributes.insert(.underline)
            case 7: style.attributes.insert(.reverse)
            case 30...37: style.foreground = Color(rawValue: UInt8(code - 29)) ?? .default
            case 90...97: style.foreground = Color(rawValue: UInt8(code - 81)) ?? .default
            case 40...47: style.background = Color(rawValue: UInt8(code - 39)) ?? .default
            case 100...107: style.background = Color(rawValue: UInt8(code - 91)) ?? .default
            default: rejected.append("SGR \(code)")
            }
        }
        return style
    }
}
