import ExampleRunner
import StandardConcurrencyExamples

// From the repository root: `swift run --package-path examples/StandardConcurrency main-actor` opens
// the full-screen view, and with `--plain` (or without a terminal) it prints the report.
runExample("main-actor", source: mainActorSource) { try await mainActorUpdates() }
