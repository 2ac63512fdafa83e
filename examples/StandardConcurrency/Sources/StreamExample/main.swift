import ExampleRunner
import StandardConcurrencyExamples

// From the repository root: `swift run --package-path examples/StandardConcurrency stream` opens
// the full-screen view, and with `--plain` (or without a terminal) it prints the report.
runExample("stream", source: streamSource) { try await boundedStream() }
