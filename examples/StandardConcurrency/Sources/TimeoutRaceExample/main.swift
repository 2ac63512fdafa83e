import ExampleRunner
import StandardConcurrencyExamples

// From the repository root: `swift run --package-path examples/StandardConcurrency timeout-race` opens
// the full-screen view, and with `--plain` (or without a terminal) it prints the report.
runExample("timeout-race", source: timeoutRaceSource) { try await timeoutRace() }
