import Interleave

extension Catalogue {
    static let deadlock = Demo(
        name: "deadlock",
        title: "Deadlock: two locks taken in opposite orders",
        summary: "task1 takes A then B, task2 takes B then A: each waits for the other forever",
        concept: "Tasks that take the same locks in different orders can each hold one and wait for "
            + "the other; nothing can ever wake them. Taking locks in one fixed order prevents it."
    ) { _ in
        let lockA = Lock("lock A")
        let lockB = Lock("lock B")
        caption("task1 takes A then B; task2 takes B then A")
        _ = try await Interleave.gather(
            spawn("task1") { try await task1(lockA, lockB) },
            spawn("task2") { try await task2(lockA, lockB) }
        )
        print("Never printed: the loop detects the deadlock and stops")
    }
}

private func task1(_ lockA: Lock, _ lockB: Lock) async throws {
    try await lockA.withLock {
        print("task1 holds lock A")
        try await sleep(for: .milliseconds(500))
        print("task1 wants lock B")
        try await lockB.withLock {
            print("task1 holds both locks")
        }
    }
}

private func task2(_ lockA: Lock, _ lockB: Lock) async throws {
    try await lockB.withLock {
        print("task2 holds lock B")
        try await sleep(for: .milliseconds(500))
        print("task2 wants lock A")
        caption("Each task holds one lock and waits for the other's: a cycle nothing can break")
        try await lockA.withLock {
            print("task2 holds both locks")
        }
    }
}
