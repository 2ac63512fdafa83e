import InterleaveUI

/// Reads what follows an ESC that ncurses handed back on its own, and says which key the
/// whole sequence was, so that no part of it is ever taken for Escape or for typed keys.
///
/// ncurses returns a bare ESC in two cases: nothing followed within ESCDELAY (the user pressed
/// Escape), or the bytes that followed match no key in the terminfo entry, e.g. tmux's
/// `ESC [ 4 ~` for End under `TERM=xterm-256color`, whose entry says End is `ESC O F`, or
/// `ESC x` for Alt+x. In the second case the rest of the sequence is still waiting to be read;
/// this parser consumes all of it (CSI `ESC [ params final`, SS3 `ESC O final`, Alt+key
/// `ESC key`) and decodes the keys the UI knows, dropping the rest. Pure, so every sequence is
/// tested without a terminal; the backend feeds it.
///
/// ```swift
/// var parser = EscapeSequenceParser()
/// parser.feed(0x5B)                  // "[" → .needsMore
/// parser.feed(0x34)                  // "4" → .needsMore
/// parser.feed(0x7E)                  // "~" → .complete(.end)
/// EscapeSequenceParser().endOfInput() // nothing followed the ESC: .escape
/// ```
struct EscapeSequenceParser {
    enum Step: Equatable {
        /// The sequence goes on: feed the next character.
        case needsMore
        /// The sequence ended with the last character fed; nil when it means nothing to the UI.
        case complete(Key?)
    }

    private enum State: Equatable {
        /// Right after the ESC (or after ESC ESC, a meta-prefixed sequence).
        case start
        /// After `ESC [` (CSI) or `ESC O` (SS3), collecting parameter and intermediate bytes.
        case control(introducer: UInt32, parameters: [UInt32], intermediates: [UInt32])
        /// After `ESC [ [`: the Linux console's F1–F5 end with one more letter.
        case linuxFunctionKey
        /// After `ESC [ M`: an X10 mouse report, three raw bytes that must not leak out as keys.
        case mouseReport(remaining: Int)
        case finished
    }

    /// No sequence the UI knows is near this long: the parser stops reading garbage at this many
    /// characters rather than swallow input forever.
    static let maximumLength = 32

    private var state = State.start
    /// Whether a second ESC came first: Alt plus a key that is itself an escape sequence.
    private var isMetaPrefixed = false
    private var length = 0

    /// Takes the next character after the ESC (a `wget_wch` code read as text).
    mutating func feed(_ code: UInt32) -> Step {
        length += 1
        if length >= Self.maximumLength { return finish(nil) }
        switch state {
        case .start:
            switch code {
            case 0x5B, 0x4F: state = .control(introducer: code, parameters: [], intermediates: [])
            case 0x1B where !isMetaPrefixed: isMetaPrefixed = true
            // Alt plus a key: not the key itself (Alt+x must not stall a task), and not Escape.
            default: return finish(nil)
            }
            return .needsMore
        case .control(let introducer, let parameters, let intermediates):
            return control(introducer: introducer, parameters: parameters, intermediates: intermediates, next: code)
        case .linuxFunctionKey:
            guard (0x41...0x45).contains(code) else { return finish(nil) }
            return finish(.function(Int(code - 0x41) + 1))
        case .mouseReport(let remaining):
            if remaining > 1 {
                state = .mouseReport(remaining: remaining - 1)
                return .needsMore
            }
            return finish(nil)
        case .finished:
            return .complete(nil)
        }
    }

    /// Takes a key that ncurses itself decoded right after the ESC: Alt plus that key, dropped.
    mutating func feedDecodedKey() -> Step {
        finish(nil)
    }

    /// Nothing more came: a lone ESC is Escape; a sequence cut short is dropped.
    func endOfInput() -> Key? {
        length == 0 ? .escape : nil
    }

    private mutating func control(introducer: UInt32, parameters: [UInt32], intermediates: [UInt32], next code: UInt32) -> Step {
        switch code {
        case 0x5B where introducer == 0x5B && parameters.isEmpty && intermediates.isEmpty:
            state = .linuxFunctionKey
        // Parameter bytes come before any intermediate byte (ECMA-48 5.4).
        case 0x30...0x3F where intermediates.isEmpty:
            state = .control(introducer: introducer, parameters: parameters + [code], intermediates: intermediates)
        case 0x20...0x2F:
            state = .control(introducer: introducer, parameters: parameters, intermediates: intermediates + [code])
        case 0x4D where introducer == 0x5B && parameters.isEmpty && intermediates.isEmpty:
            state = .mouseReport(remaining: 3)
        case 0x40...0x7E:
            guard intermediates.isEmpty, let numbers = Self.numbers(parameters) else { return finish(nil) }
            return finish(introducer == 0x5B ? Self.csiKey(numbers, final: code) : Self.ss3Key(final: code))
        default:
            return finish(nil)
        }
        return .needsMore
    }

    private mutating func finish(_ key: Key?) -> Step {
        state = .finished
        return .complete(isMetaPrefixed ? nil : key)
    }

    /// `1;5` as [1, 5]; nil for private parameters (`<`, `?`, `>`, `=`) the UI never decodes.
    private static func numbers(_ parameters: [UInt32]) -> [Int]? {
        var numbers: [Int] = []
        var current = 0
        for code in parameters {
            switch code {
            case 0x30...0x39: current = min(current * 10 + Int(code - 0x30), 10_000)
            case 0x3B:
                numbers.append(current)
                current = 0
            default: return nil
            }
        }
        return parameters.isEmpty ? [] : numbers + [current]
    }

    /// CSI keys. A second parameter is a modifier (`ESC [ 1 ; 5 H` is Ctrl+Home); the UI binds
    /// no modified keys, so Ctrl+End still means End rather than nothing.
    private static func csiKey(_ numbers: [Int], final: UInt32) -> Key? {
        if final == 0x7E { return numbers.first.flatMap(tildeKey) }
        guard numbers.count <= 2, numbers.first.map({ $0 <= 1 }) ?? true else { return nil }
        switch final {
        case 0x5A: return .backTab
        case 0x50...0x53: return .function(Int(final - 0x50) + 1)
        default: return cursorKey(final: final)
        }
    }

    /// SS3 keys: the cursor keys in application mode, Home/End, F1–F4 and keypad Enter.
    private static func ss3Key(final: UInt32) -> Key? {
        switch final {
        case 0x4D: return .enter
        case 0x50...0x53: return .function(Int(final - 0x50) + 1)
        default: return cursorKey(final: final)
        }
    }

    private static func cursorKey(final: UInt32) -> Key? {
        switch final {
        case 0x41: .up
        case 0x42: .down
        case 0x43: .right
        case 0x44: .left
        case 0x48: .home
        case 0x46: .end
        default: nil
        }
    }

    /// `ESC [ n ~` keys: xterm/tmux and rxvt both spell Home and End two ways.
    private static func tildeKey(_ number: Int) -> Key? {
        switch number {
        case 1, 7: .home
        case 4, 8: .end
        case 5: .pageUp
        case 6: .pageDown
        case 11...15: .function(number - 10)
        case 17...21: .function(number - 11)
        case 23...26: .function(number - 12)
        case 28, 29: .function(number - 13)
        case 31...34: .function(number - 14)
        // Insert (2), Delete (3), bracketed-paste markers (200, 201) and the rest: nothing.
        default: nil
        }
    }
}
