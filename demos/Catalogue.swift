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
        bank, lostWakeup, lockOrder, philosophersRandom, standardFanOut,
    ]

    /// The demo with this CLI name.
    public static func named(_ name: String) -> Demo? { all.first { $0.name == name } }

    /// Names close to a mistyped one, best first: those a name starts with, else those at the
    /// smallest edit distance within a third of its length ("gathr" → gather, not also actor,
    /// three edits away: a far guess reads as noise). `names` are the demos' unless given, so
    /// that the CLI can rank its command names the same way.
    public static func suggestions(for name: String, among names: [String] = all.map(\.name)) -> [String] {
        let typed = name.lowercased()
        guard !typed.isEmpty else { return [] }
        let prefixed = names.filter { $0.hasPrefix(typed) }
        if !prefixed.isEmpty { return Array(prefixed.prefix(3)) }
        let allowed = max(1, typed.count / 3)
        let scored = names.map { ($0, editDistance($0, typed)) }.filter { $0.1 <= allowed }
        guard let best = scored.map(\.1).min() else { return [] }
        return scored.filter { $0.1 == best }.map(\.0).sorted().prefix(3).map { $0 }
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
