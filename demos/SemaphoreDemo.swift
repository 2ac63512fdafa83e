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
        let queue = WaitingDownloads()
        let downloads = (1...8).map { n in spawn("download\(n)") { try await download(n, slots, queue) } }
        caption("Eight downloads started: three took the permits and five queued in acquire")
        _ = try await Interleave.gather(downloads)
        caption("All eight done, never more than three at a time")
    }
}

/// How many downloads still wait for a permit, so that the captions can say when the queue
/// first moves and when it empties (the semaphore does not count its waiters publicly).
/// Only the loop's one thread touches it.
private final class WaitingDownloads: @unchecked Sendable {
    var count = 0
    var handedOn = 0
}

private func download(_ n: Int, _ slots: Semaphore, _ queue: WaitingDownloads) async throws {
    let mustWait = slots.available == 0
    if mustWait { queue.count += 1 }
    try await slots.withPermit {
        if mustWait {
            queue.count -= 1
            queue.handedOn += 1
            if queue.count == 0 {
                caption("download\(n), the last in the queue, got a permit: nobody waits in acquire any more")
            } else if queue.handedOn == 1 {
                caption("A finished download handed its permit straight to download\(n), the longest waiter")
            }
        }
        print("Downloading file\(n) (\(slots.inUse) of 3 slots in use)")
        try await sleep(for: .milliseconds(500 + 250 * (n % 3)))  // files of different sizes
        print("Finished file\(n)")
    }
    // Leaving withPermit returned the permit: the longest waiter gets it at once.
}
