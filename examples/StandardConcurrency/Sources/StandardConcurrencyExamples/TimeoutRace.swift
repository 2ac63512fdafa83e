// Racing work against a clock. `async let` starts two lookups side by side; each one is a
// race inside a throwing task group between the work and a `Task.sleep` timeout. The first
// child to finish decides, and `cancelAll()` stops the loser: a cancelled `Task.sleep` throws
// `CancellationError` at once, so neither a slow lookup nor an unneeded timer keeps running.

/// This file, for the code pane of `visualize`.
public let timeoutRaceSource = (filePath: #filePath, fileID: #fileID)

/// Thrown by `withTimeout` when the work did not finish in time.
public struct TimedOut: Error, CustomStringConvertible {
    public let what: String
    public var description: String { "\(what) timed out" }
}

/// Runs `work` but gives up after `limit`.
func withTimeout<T: Sendable>(
    _ limit: Duration, _ what: String, _ work: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask(name: what) { try await work() }
        group.addTask(name: "\(what)-timer") {
            try await Task.sleep(for: limit)
            throw TimedOut(what: what)
        }
        // Whoever wins, the other child is cancelled; the group still waits for it to end.
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw CancellationError() }
        return first
    }
}

/// A lookup that takes `latency`, and says so when it is cancelled half-way.
func lookUp(_ key: String, taking latency: Duration) async throws -> String {
    do {
        try await Task.sleep(for: latency)
    } catch is CancellationError {
        print("\(key) lookup cancelled")
        throw CancellationError()
    }
    return "\(key)=ok"
}

/// The cache answers in 150 ms, within its 400 ms limit; the database needs 900 ms and loses.
public func timeoutRace() async throws {
    // `async let` children have no name parameter: they show as the runtime names them.
    async let cached = withTimeout(.milliseconds(400), "cache") {
        try await lookUp("cache", taking: .milliseconds(150))
    }
    async let stored = withTimeout(.milliseconds(400), "database") {
        try await lookUp("database", taking: .milliseconds(900))
    }
    // Awaiting `cached` first does not delay the database lookup: both already run.
    let fromCache = try await cached
    print("cache answered: \(fromCache)")
    do {
        let fromDatabase = try await stored
        print("database answered: \(fromDatabase)")
    } catch let error as TimedOut {
        print("gave up: \(error)")
    }
}
