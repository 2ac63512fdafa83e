import Foundation
import Testing

/// Small things a first-time user types wrong or reads first: each gets a helpful answer.
struct CommandLinePapercutTests {
    /// The one line the CLI wrote to stderr, after checking it was one line and status 2.
    func oneLineError(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try CLIBinary.run(arguments)
        #expect(result.status == 2, sourceLocation: sourceLocation)
        #expect(result.err.split(separator: "\n").count == 1, "\(result.err)", sourceLocation: sourceLocation)
        return result.err
    }

    @Test func aDemoNameWithoutDemoSuggestsTheCommand() throws {
        #expect(try oneLineError(["gather"]).contains("did you mean `interleave demo gather`?"))
        #expect(try oneLineError(["lock", "--plain"]).contains("`interleave demo lock --plain`"))
    }

    @Test func helpForASubcommandIsThatSubcommandsHelp() throws {
        let result = try CLIBinary.run(["help", "demo"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("OVERVIEW: Run one demo."))
        #expect(result.out.contains("--inject"))
    }

    @Test func aNegativeCountNamesTheValidRange() throws {
        for (option, value) in [("--tasks", "-5"), ("--speed", "-1"), ("--stall", "-2")] {
            let error = try oneLineError(["demo", "swarm", option, value, "--plain"])
            #expect(error.contains("\(option) must be between"), "\(error)")
            #expect(!error.contains("Missing value"))
        }
        #expect(try oneLineError(["record", "swarm", "-o", "/dev/null", "--tasks", "-5"]).contains("--tasks must be between 1 and"))
    }

    /// A mistyped name gets the same "unknown X: did you mean …?" answer wherever it was typed.
    @Test func unknownNamesAreAnsweredInOneWording() throws {
        #expect(try oneLineError(["demo", "gathr"]) == "interleave: unknown demo 'gathr': did you mean gather?\n")
        #expect(try oneLineError(["demo", "qqqqqq"]) == "interleave: unknown demo 'qqqqqq': run `interleave list` to see them\n")
        #expect(try oneLineError(["help", "replya"]) == "interleave: unknown command 'replya': did you mean replay?\n")
        #expect(try oneLineError(["help", "qqqqqq"]) == "interleave: unknown command 'qqqqqq': see `interleave --help` for the commands\n")
    }

    @Test func onlyCloseNamesAreSuggested() throws {
        let error = try oneLineError(["demo", "gathr"])
        #expect(error.contains("did you mean gather?"))
        #expect(!error.contains("actor"))
    }

    @Test func theListFitsEightyColumns() throws {
        let result = try CLIBinary.run(["list"])
        #expect(result.status == 0)
        let lines = result.out.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        #expect(lines.contains { $0.hasPrefix("gather ") })
        #expect(result.out.contains("done in 2 s, not 3"), "no summary is cut short")
    }

    @Test func replayingADirectorySaysSo() throws {
        let directory = FileManager.default.temporaryDirectory.path
        #expect(try oneLineError(["replay", directory]).contains("is a directory"))
    }

    @Test func helpOpensWithAnExample() throws {
        let result = try CLIBinary.run(["--help"])
        let beforeUsage = result.out.components(separatedBy: "USAGE:")[0]
        #expect(beforeUsage.contains("interleave demo gather"))
        #expect(result.out.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func demoTakesTheSameInjectionsAsRecord() throws {
        let plain = try CLIBinary.run(["demo", "gather", "--plain", "--inject", "fail task2 at 0.5s"])
        #expect(plain.status == 0, "\(plain.err)")
        #expect(plain.out.contains("task2 failed: injected fault"), "\(plain.out)")
        #expect(try oneLineError(["demo", "gather", "--plain", "--inject", "explode task2"]).contains("cannot read injection"))
        #expect(try oneLineError(["demo", "gather", "--plain", "--inject", "fail nobody at 0.5s"]).contains("no running task named"))
    }
}

extension CommandLinePapercutTests {
    @Test func helpForADemoNameIsDemosHelpAndForNonsenseAnError() throws {
        let demo = try CLIBinary.run(["help", "gather"])
        #expect(demo.status == 0)
        #expect(demo.out.hasPrefix("OVERVIEW: Run one demo."))
        #expect(try oneLineError(["help", "frobnicate"]).contains("unknown command 'frobnicate'"))
    }
}
