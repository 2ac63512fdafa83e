import Testing
@testable import InterleaveTerminal

@Suite struct TerminalEnvironmentTests {
    private let terminal = TerminalEnvironment(stdinIsTerminal: true, stdoutIsTerminal: true, term: "xterm-256color")

    private func reason(_ environment: TerminalEnvironment, knownTerms: Set<String> = ["xterm-256color"]) -> String? {
        environment.fullScreenUnavailableReason { knownTerms.contains($0) }
    }

    @Test func aRealTerminalCanShowTheFullScreenView() {
        #expect(reason(terminal) == nil)
    }

    @Test func pipedOutputFallsBack() {
        var piped = terminal
        piped.stdoutIsTerminal = false
        #expect(reason(piped) == "standard output is not a terminal")
    }

    @Test func pipedInputFallsBack() {
        var piped = terminal
        piped.stdinIsTerminal = false
        #expect(reason(piped) == "standard input is not a terminal")
    }

    @Test func unsetOrEmptyTermFallsBack() {
        var unset = terminal
        unset.term = nil
        #expect(reason(unset) == "TERM is not set")
        unset.term = ""
        #expect(reason(unset) == "TERM is not set")
    }

    @Test func dumbTerminalFallsBack() {
        var dumb = terminal
        dumb.term = "dumb"
        #expect(reason(dumb, knownTerms: ["dumb"]) == "TERM=dumb cannot show a full-screen view")
    }

    @Test func unknownTermFallsBackWithTheNameShownSafely() {
        var unknown = terminal
        unknown.term = "vt\u{1B}[31m"
        #expect(reason(unknown) == "no terminfo entry for TERM=vt\\e[31m")
    }

    @Test func terminfoIsOnlyConsultedWhenEverythingElseIsFine() {
        var piped = terminal
        piped.stdoutIsTerminal = false
        var consulted = false
        _ = piped.fullScreenUnavailableReason { _ in consulted = true; return true }
        #expect(!consulted)
    }

    @Test func utf8CodesetNames() {
        #expect(TerminalEnvironment.isUTF8(codeset: "UTF-8"))
        #expect(TerminalEnvironment.isUTF8(codeset: "utf8"))
        #expect(!TerminalEnvironment.isUTF8(codeset: "ANSI_X3.4-1968"))
        #expect(!TerminalEnvironment.isUTF8(codeset: "ISO-8859-1"))
    }

    @Test func noColorMeansSetAndNotEmpty() {
        #expect(!TerminalEnvironment.noColorRequested(nil))
        #expect(!TerminalEnvironment.noColorRequested(""))
        #expect(TerminalEnvironment.noColorRequested("1"))
    }
}
