import Interleave
import InterleaveTesting
import InterleaveTrace
import Testing

/// examples/StandardConcurrency's programs, as they are: the same trace every time, exact
/// virtual durations, every lane named by the program and placed under its creator.
@Suite struct ExampleRunTests {
    /// Each example, its virtual duration, and the names its program gives its tasks.
    static let examples: [(name: String, seconds: Duration, lanes: Set<String>, program: @Sendable () async throws -> Void)] = [
        ("fan-out", .milliseconds(700), ["fetch-profile", "fetch-avatar", "fetch-feed", "fetch-settings"], { try await fanOut() }),
        ("bank", .milliseconds(200), ["alice", "bob"], { try? await overdraftBank() }),
        ("stream", .milliseconds(1500), ["sensor", "display"], { _ = try await boundedStream() }),
        ("timeout-race", .milliseconds(400), ["cache", "cache-timer", "database", "database-timer"], { try await timeoutRace() }),
        ("main-actor", .milliseconds(600), ["download-photo.jpg", "download-notes.txt", "download-movie.mp4"],
         { try await mainActorUpdates() }),
        ("continuation", .milliseconds(900), ["legacy-request-1", "legacy-request-2", "legacy-request-3"],
         { try await wrappedCallback() }),
        ("fire-and-forget", .milliseconds(2090), ["log-home", "log-search", "log-cart", "log-checkout"],
         { try await fireAndForget() }),
    ]

    /// A run of `program`; with `certain`, run again while a sleep's length was uncertain (the
    /// thread held up as a task went to sleep: see `Loop.uncertainSleeps`).
    static func trace(of program: @escaping @Sendable () async throws -> Void, certain: Bool = false) throws
        -> (events: [String], store: TraceStore, now: Duration, uncertain: Bool) {
        let loop = Loop(routesStandardJobs: true)
        try loop.run("main", program)
        if certain, loop.uncertainSleeps > 0 { return try trace(of: program, certain: true) }
        let events = loop.store.events.snapshot().map { "\($0.kind) \($0.task.rawValue) \($0.time) \($0.arg) \($0.resource.rawValue)" }
        return (events, loop.store, loop.now, loop.uncertainSleeps > 0)
    }

    /// Every run gives the first run's trace, but for the rare run with an uncertain sleep.
    @Test(arguments: 0..<examples.count)
    func theSameTraceAThousandTimes(index: Int) throws {
        let example = Self.examples[index]
        let first = try Self.trace(of: example.program, certain: true)
        var (identical, uncertain) = (1, 0)
        for _ in 1..<1_000 {
            let run = try Self.trace(of: example.program)
            if run.uncertain { uncertain += 1 } else if run.events == first.events { identical += 1 }
        }
        #expect(identical + uncertain == 1_000, "\(example.name): \(identical) of 1,000 runs gave the first run's trace")
        #expect(uncertain < 50, "\(example.name): \(uncertain) runs had an uncertain sleep")
    }

    @Test(arguments: 0..<examples.count)
    func exactVirtualTimeAndEveryLaneNamedAndParented(index: Int) throws {
        let example = Self.examples[index]
        let run = try Self.trace(of: example.program, certain: true)
        #expect(run.now == example.seconds, "\(example.name) took \(run.now) virtual")
        let tasks = run.store.tasks.snapshot()
        let names = Set(tasks.map(\.name))
        #expect(example.lanes.isSubset(of: names), "\(example.name): \(names)")
        // No fallback names: every task is named by the program or by the line that created it.
        #expect(!tasks.contains { $0.name.contains(".") && !$0.name.contains(".swift") && $0.name.split(separator: ".").last.map { Int($0) != nil } == true },
                "\(example.name): \(tasks.map(\.name))")
        #expect(tasks.dropFirst().allSatisfy { !$0.parent.isNone }, "\(example.name): every task but main has a parent")
    }

    /// The acceptance of the testing trait: the bank example's overdraft, found under explore.
    @Test(.interleaved(.explore(schedules: 200), knownIssue: "the bank example overdraws"))
    func exploreFindsTheBankExamplesOverdraft() async throws {
        try await overdraftBank()
    }
}
