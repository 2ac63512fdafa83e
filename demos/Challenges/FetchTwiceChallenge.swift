import Interleave

extension Challenges {
    static let fetchTwice = Challenge(
        demo: Demo(
            name: "fetch-twice",
            title: "Challenge: a cache that fetches twice",
            summary: "Two requests for the same page: each looks in the cache, and on a miss fetches and stores it",
            concept: "A cache miss checked before an await can be filled by someone else during it."
        ) { _ in
            let cache = Shared<[String: String]>([:])
            let fetches = Shared(0)
            caption("The cache is empty. Alice asks for /home, Bob asks for it a moment later")
            _ = try await Interleave.gather(
                spawn("alice") { try await load("/home", for: "Alice", cache: cache, fetches: fetches) },
                spawn("bob") {
                    try await sleep(for: .milliseconds(100))  // Bob clicks a moment later
                    try await load("/home", for: "Bob", cache: cache, fetches: fetches)
                }
            )
            print("Fetched \(fetches.value) time(s)")
        },
        goal: "Make the cache fetch the same page twice",
        difficulty: .easy,
        hints: [
            "A request that misses the cache awaits the server, then stores the page.",
            "At 0.1 s Alice's fetch returns just as Bob asks: two tasks are ready.",
            "Let Bob look in the cache before Alice stores the page.",
        ],
        lesson: "Two tasks that miss the same cache entry both fetch it: the \"is it cached?\" check "
            + "and the store are split by an await. In asyncio, cache the task or future of the fetch "
            + "itself (store it before awaiting), so a second caller awaits the same one."
    )
}

private func load(
    _ page: String, for name: String, cache: Shared<[String: String]>, fetches: Shared<Int>
) async throws {
    if cache.value[page] != nil {
        print("\(name) finds \(page) in the cache")
        return
    }
    print("\(name) misses the cache: fetching \(page)")
    try await sleep(for: .milliseconds(100))  // the server answers
    fetches.value += 1
    cache.value[page] = "<html>home</html>"
    print("\(name) stores \(page) (fetch number \(fetches.value))")
    if fetches.value > 1 { caption("Both missed before either stored the page: it was fetched twice") }
    check(fetches.value <= 1, "\(page) was fetched twice")
}
