import Interleave

extension Catalogue {
    static let lock = Demo(
        name: "lock",
        title: "One at a time with a Lock",
        summary: "Two coroutines share a lock: their 2 s sections run one after the other, 4 s in all",
        concept: "A lock lets one task at a time into a section; the others wait at the door, "
            + "so the protected sections never overlap."
    ) { _ in
        let lock = Lock("lock")
        caption("Both coroutines start at once, and both want the same lock")
        _ = try await Interleave.gather(
            spawn("coroutine1") { try await myCoroutine(lock) },
            spawn("coroutine2") { try await myCoroutine(lock) }
        )
        caption("4 s in all: the lock made the two 2 s sections take turns")
    }
}

/// asyncio: `async with lock: print("Locked section"); await asyncio.sleep(2); print("Unlocked section")`
private func myCoroutine(_ lock: Lock) async throws {
    let mustWait = lock.isLocked
    if mustWait {
        caption("The lock is held, so this coroutine waits until the holder releases it")
    }
    try await lock.withLock {
        // The waiting caption stops being true here: say so, or it would outlive the wait.
        if mustWait { caption("The holder released the lock and it passed to the waiting coroutine: its section runs now") }
        print("Locked section")
        try await sleep(for: .seconds(2))
        print("Unlocked section")
    }
}
