import ArgumentParser
import InterleaveApp

/// The `--inject` option of `record` and `demo`, read into specs.
struct InjectionOptions: ParsableArguments {
    @Option(name: .customLong("inject"), help: "A fault to inject, e.g. \"fail task2 at 1.5s\" (repeatable).")
    var injections: [String] = []

    /// The specs, or the one-line usage error (status 2) for the first one that does not read.
    func specs() throws -> [InjectionSpec] {
        do { return try injections.map(InjectionSpec.init(parsing:)) } catch { throw fail(SafeName.escape("\(error)")) }
    }
}
