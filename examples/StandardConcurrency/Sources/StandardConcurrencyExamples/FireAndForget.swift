// Fire-and-forget tasks: `Task { }` starts work that nobody awaits. That is fine for a log
// line, but nothing waits for such a task either: when the caller returns, a slow one may
// still be running, and if the process exits first its work is simply lost.

/// This file, for the code pane of `visualize`.
public let fireAndForgetSource = (filePath: #filePath, fileID: #fileID)

/// Ships one log line to a (pretend) remote collector, which takes `latency`.
func ship(_ line: String, latency: Duration) async {
    do {
        try await Task.sleep(for: latency)
        print("shipped \"\(line)\"")
    } catch {
        print("lost \"\(line)\": cancelled before it was shipped")
    }
}

/// Handles four requests, logging each in its own unawaited task. The log line of the last
/// request takes 2 s to ship, so its task is still running when this function returns.
public func fireAndForget() async throws {
    let requests: [(path: String, logLatency: Duration)] = [
        ("/home", .milliseconds(50)),
        ("/search", .milliseconds(120)),
        ("/cart", .milliseconds(80)),
        ("/checkout", .seconds(2)),
    ]
    for request in requests {
        print("handling \(request.path)")
        // Nobody keeps the handle: the task runs on its own, and the request goes on at once.
        Task(name: "log-\(request.path.dropFirst())") {
            await ship("GET \(request.path)", latency: request.logLatency)
        }
        try await Task.sleep(for: .milliseconds(30))
    }
    // "Wait a bit" is a guess, not a guarantee: it covers the fast log lines, not the slow one.
    try await Task.sleep(for: .milliseconds(300))
    print("done handling requests; \"GET /checkout\" is still being shipped")
}
