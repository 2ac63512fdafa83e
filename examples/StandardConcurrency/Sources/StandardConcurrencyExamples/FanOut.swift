// Fan-out / fan-in with a task group: start one child task per item, then collect the results
// as they arrive. The group hands results back in *completion* order, not the order the
// children were added, so the fastest fetch is collected first.

/// This file, for the code pane of `visualize`.
public let fanOutSource = (filePath: #filePath, fileID: #fileID)

/// The pages to fetch and how long each one takes to answer.
let pages: [(name: String, latency: Duration)] = [
    ("profile", .milliseconds(400)),
    ("avatar", .milliseconds(100)),
    ("feed", .milliseconds(700)),
    ("settings", .milliseconds(250)),
]

/// Stands in for a network request: the latency is the whole cost.
func fetch(_ page: String, taking latency: Duration) async throws -> String {
    print("requesting \(page)")
    try await Task.sleep(for: latency)
    return "\(page) (\(latency))"
}

/// Fetches every page at once and returns them in the order they arrived.
@discardableResult
public func fanOut() async throws -> [String] {
    // A throwing group: if one fetch fails, `for try await` rethrows it and leaving the
    // closure cancels the other children, so no request outlives the function.
    let arrived = try await withThrowingTaskGroup(of: String.self) { group in
        for page in pages {
            // Named children (SE-0469) show up under their own name instead of an anonymous id.
            group.addTask(name: "fetch-\(page.name)") {
                try await fetch(page.name, taking: page.latency)
            }
        }
        // Fan-in: `next()` resumes with whichever child finishes first.
        var results: [String] = []
        for try await result in group {
            results.append(result)
            print("collected \(result), \(results.count) of \(pages.count)")
        }
        return results
    }
    // The whole fan-out takes as long as the slowest page (700 ms), not the sum (1.45 s).
    print("arrival order: \(arrived.joined(separator: ", "))")
    return arrived
}
