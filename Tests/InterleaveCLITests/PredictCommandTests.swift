import Foundation
import Testing

/// `interleave demo NAME --predict` on the command line: refused with `--plain`, in one line.
@Suite struct PredictCommandTests {
    @Test func predictWithPlainIsRefusedInOneLine() throws {
        let result = try CLIBinary.run(["demo", "gather", "--predict", "--plain"])
        #expect(result.status == 2)
        #expect(result.err == "interleave: --predict asks its questions in the full-screen view; it cannot be combined with --plain\n")
        #expect(result.out.isEmpty)
    }

    @Test func theHelpDescribesPredict() throws {
        let result = try CLIBinary.run(["help", "demo"])
        #expect(result.status == 0)
        #expect(result.out.contains("--predict"))
    }

    @Test func withoutATerminalPredictFallsBackToThePlainReport() throws {
        // No terminal here: like the live view, predict mode prints the plain report instead.
        let result = try CLIBinary.run(["demo", "gather", "--predict"], environment: ["TERM": "dumb"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("Task 2 completed"))
        #expect(result.err.contains("showing plain output"))
    }
}
