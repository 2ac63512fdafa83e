import Interleave

extension Catalogue {
    static let blocking = Demo(
        name: "blocking",
        title: "Blocking the event loop",
        summary: "A blocking 2 s call freezes a ticker; the same wait as await sleep lets it tick",
        concept: "The loop runs one task at a time on one thread: a blocking call (time.sleep, heavy "
            + "CPU work) inside a coroutine stops every other task until it returns."
    ) { _ in
        caption("Phase 1: the worker calls a blocking function, like time.sleep(2) in a coroutine")
        try await runWithTicker(phase: 1) {
            // No caption here: the caption bar gives the block itself, "loop blocked 1.2s by worker1".
            blockingCall(for: .seconds(2))  // the loop's thread is stuck here: no task runs
        }
        caption("tick 3 was due at 1.0 s but came at 2.5 s: nothing ran while the loop was blocked")
        caption("Phase 2: the same 2 s as await sleep: the loop runs the ticker meanwhile")
        try await runWithTicker(phase: 2) {
            try await sleep(for: .seconds(2))  // suspends only the worker
        }
        caption("Phase 2 took 2.5 s and every tick came on time: awaiting let the loop run the ticker")
    }
}

/// Runs `work` in a worker task beside a ticker that prints every 0.5 s, and waits for both.
private func runWithTicker(phase: Int, work: @escaping @Sendable () async throws -> Void) async throws {
    _ = try await Interleave.gather(
        spawn("ticker\(phase)") { try await tick() },
        spawn("worker\(phase)") {
            try await sleep(for: .milliseconds(500))
            print("Work starts")
            try await work()
            print("Work done")
        }
    )
}

private func tick() async throws {
    for n in 1...5 {
        print("tick \(n)")
        try await sleep(for: .milliseconds(500))
    }
}
