#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CNCurses
import InterleaveUI

/// What the process was started with, and whether a full-screen view can run there; decided
/// before any ncurses call, so the CLI can fall back to plain output with a one-line notice.
///
/// ```swift
/// if let reason = TerminalEnvironment.current().fullScreenUnavailableReason() {
///     print("interleave: \(reason); printing plain output")
/// } else {
///     let backend = try NCursesBackend()
/// }
/// ```
public struct TerminalEnvironment: Sendable, Equatable {
    public var stdinIsTerminal: Bool
    public var stdoutIsTerminal: Bool
    /// The `TERM` variable; nil when unset.
    public var term: String?

    public init(stdinIsTerminal: Bool, stdoutIsTerminal: Bool, term: String?) {
        self.stdinIsTerminal = stdinIsTerminal
        self.stdoutIsTerminal = stdoutIsTerminal
        self.term = term
    }

    /// The environment of this process.
    public static func current() -> TerminalEnvironment {
        TerminalEnvironment(
            stdinIsTerminal: isatty(STDIN_FILENO) == 1,
            stdoutIsTerminal: isatty(STDOUT_FILENO) == 1,
            term: environmentValue("TERM")
        )
    }

    /// Why a full-screen view cannot run here, as a short phrase; nil when it can.
    ///
    /// The terminfo lookup runs only when everything else is fine; pass your own to test.
    public func fullScreenUnavailableReason(
        terminfoExists: (String) -> Bool = TerminalEnvironment.terminfoEntryExists
    ) -> String? {
        guard stdoutIsTerminal else { return "standard output is not a terminal" }
        guard stdinIsTerminal else { return "standard input is not a terminal" }
        guard let term, !term.isEmpty else { return "TERM is not set" }
        guard term != "dumb" else { return "TERM=dumb cannot show a full-screen view" }
        guard terminfoExists(term) else { return "no terminfo entry for TERM=\(SafeText.escape(term))" }
        return nil
    }

    /// Whether the terminfo database knows `term`; call it before creating a backend, since it
    /// briefly loads the entry into ncurses' current-terminal slot.
    public static func terminfoEntryExists(_ term: String) -> Bool {
        let earlier = set_curterm(nil)
        var status: Int32 = 0
        let result = setupterm(term, STDOUT_FILENO, &status)
        let loaded = set_curterm(earlier)
        if let loaded, loaded != earlier { del_curterm(loaded) }
        return result == OK && status == 1
    }

    /// Whether the user's locale (LC_ALL, LC_CTYPE, LANG) encodes text as UTF-8; adopts that locale.
    public static var isUTF8Locale: Bool {
        adoptUserLocale()
        return isUTF8(codeset: localeCodeset)
    }

    /// The character encoding of the C library's current locale, e.g. "UTF-8" or "ANSI_X3.4-1968".
    static var localeCodeset: String { String(cString: cncurses_locale_codeset()) }

    /// Whether the user asked for no colours: NO_COLOR is set and not empty (see no-color.org).
    public static var noColorRequested: Bool { noColorRequested(environmentValue("NO_COLOR")) }

    /// Whether a NO_COLOR value asks for no colours.
    public static func noColorRequested(_ value: String?) -> Bool {
        guard let value else { return false }
        return !value.isEmpty
    }

    /// Whether a codeset name from `nl_langinfo(CODESET)` means UTF-8 ("UTF-8", "utf8").
    public static func isUTF8(codeset: String) -> Bool {
        let letters = codeset.lowercased().filter { $0 != "-" && $0 != "_" }
        return letters == "utf8"
    }

    /// Switches the C library to the user's locale, which ncurses needs to read and write UTF-8.
    ///
    /// Number formatting stays in the "C" locale, so C-formatted numbers keep their decimal point.
    public static func adoptUserLocale() {
        setlocale(LC_ALL, "")
        setlocale(LC_NUMERIC, "C")
    }

    static func environmentValue(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }
}
