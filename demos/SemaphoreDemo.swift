import Interleave

extension Catalogue {
    static let semaphore = Demo(
        name: "semaphore",
        title: "At most three at a time with a Semaphore",
        summary: "Eight downloads, three permits: never more than three run at once",
        concept: "A semaphore holds N permits: a task takes one to enter and returns it on leaving, "
            + "so at most N tasks are inside at any moment and the rest queue in order."
    ) { _ in
        let slots = Semaphore("download slots", permits: 3)
        let downloads = (1...8).map { n in spawn("download\(n)") { try await download(n, slots) } }
        caption("Eight downloads start; three take the permits and five wait in acquire")
        _ = try await Interleave.gather(downloads)
        caption("All eight done, never more than three at a time")
    }
}

private func download(_ n: Int, _ slots: Semaphore) async throws {
    try await slots.withPermit {
        print("Downloading file\(n) (\(slots.inUse) of 3 slots in use)")
        try await sleep(for: .milliseconds(500 + 250 * (n % 3)))  // files of different sizes
        print("Finished file\(n)")
    }
    // Leaving withPermit returned the permit: the longest waiter gets it at once.
}
