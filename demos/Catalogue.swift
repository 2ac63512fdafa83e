/// Every demo, in the order a course would teach them.
///
/// ```swift
/// Catalogue.all.map(\.name)        // ["hello", "gather", …]
/// Catalogue.named("gather")?.title
/// ```
public enum Catalogue {
    public static let all: [Demo] = [
        hello, gather, createTask, errors, asCompleted, lock, event, queue, semaphore, future,
        timeout, taskGroup, race, deadlock, philosophers, blocking, actors, swarm, fetch,
    ]

    /// The demo with this CLI name.
    public static func named(_ name: String) -> Demo? { all.first { $0.name == name } }

    /// Names close to a mistyped one (edit distance at most 3, or a shared prefix), best first.
    public static func suggestions(for name: String) -> [String] {
        let scored = all.map { ($0.name, editDistance($0.name, name.lowercased())) }
        return scored.filter { $0.1 <= 3 || $0.0.hasPrefix(name.lowercased()) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(3).map(\.0)
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return previous[b.count]
    }
}
