import ExampleRunner
import StandardConcurrencyExamples

// From the repository root: `swift run --package-path examples/StandardConcurrency fan-out` opens
// the full-screen view, and with `--plain` (or without a terminal) it prints the report.
runExample("fan-out", source: fanOutSource) { try await fanOut() }
