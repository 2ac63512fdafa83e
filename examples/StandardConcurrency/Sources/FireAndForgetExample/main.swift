import ExampleRunner
import StandardConcurrencyExamples

// From the repository root: `swift run --package-path examples/StandardConcurrency fire-and-forget` opens
// the full-screen view, and with `--plain` (or without a terminal) it prints the report.
runExample("fire-and-forget", source: fireAndForgetSource) { try await fireAndForget() }
