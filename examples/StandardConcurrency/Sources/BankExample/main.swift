import ExampleRunner
import StandardConcurrencyExamples

// From the repository root: `swift run --package-path examples/StandardConcurrency bank` opens
// the full-screen view, and with `--plain` (or without a terminal) it prints the report.
runExample("bank", source: bankSource) { try await overdraftBank() }
