import Interleave

extension Catalogue {
    static let race = Demo(
        name: "race",
        title: "A race across an await, fixed with a Lock",
        summary: "Four tasks read, await, then write a shared counter: updates are lost; with a lock none are",
        concept: "On one thread there are no data races, but an await between reading and writing "
            + "lets other tasks run: they read the same old value and overwrite each other."
    ) { _ in
        let unsafe = Counter()
        _ = try await Interleave.gather((1...4).map { n in
            spawn("unlocked\(n)") { try await increment(unsafe) }
        })
        print("Without a lock: \(unsafe.value) (expected 4)")
        caption("All four read 0 before any wrote: three updates were lost")

        let safe = Counter()
        let lock = Lock("counter lock")
        caption("Again, with each task holding a lock from its read to its write: the four take turns")
        _ = try await Interleave.gather((1...4).map { n in
            spawn("locked\(n)") { try await lock.withLock { try await increment(safe) } }
        })
        print("With a lock: \(safe.value) (expected 4)")
        caption("The lock kept each read-await-write whole: no update lost, at the price of taking turns")
    }
}

/// A counter shared by tasks.
///
/// `@unchecked Sendable`: the compiler cannot prove sharing a `var` is safe, and here it is in
/// memory terms, because every task runs on the loop's single thread. What is not safe is the
/// logic, and no annotation can catch that: the demo shows it.
private final class Counter: @unchecked Sendable {
    var value = 0
}

private func increment(_ counter: Counter) async throws {
    let current = counter.value
    print("Read \(current)")
    try await sleep(for: .milliseconds(100))  // any await (a database call, even sleep(0)) lets others run
    counter.value = current + 1
    print("Wrote \(current + 1)")
}
