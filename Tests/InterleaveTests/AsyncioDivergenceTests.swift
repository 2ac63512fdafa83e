import Testing
@testable import Interleave

/// Places where the runtime's behaviour differs from asyncio's without a doc comment saying so.
@Suite struct AsyncioDivergenceTests {
    /// asyncio delivers a cancellation once: a task that catches CancelledError may go on awaiting
    /// (cleanup with `await asyncio.sleep`, `async with lock`) and then return normally.
    @Test
    func aTaskThatCatchesItsCancellationCanStillAwait() throws {
        let loop = Loop()
        try loop.run("main") {
            let worker = spawn("worker") {
                do {
                    try await sleep(for: .seconds(10))
                } catch is CancellationError {
                    print("cleaning up")
                    try await sleep(for: .seconds(1))
                    print("cleaned up")
                }
                return "done"
            }
            try await sleep(for: .seconds(1))
            worker.cancel()
            #expect(try await worker.value == "done")
        }
        #expect(Transcript.output(loop.store) == ["1.000s worker cleaning up", "2.000s worker cleaned up"])
        #expect(Transcript.fold(loop.store).tasks[loop.store.taskID("worker")!.index].state == .returned)
    }

    /// asyncio.gather: "If any child is cancelled, it is treated as if it raised CancelledError":
    /// the gather raises at once, as it does for the first error.
    @Test
    func gatherThrowsAsSoonAsAChildIsCancelled() throws {
        let loop = Loop()
        let thrownAt = Box<Duration?>(nil)
        try loop.run("main") {
            let slow = spawn("slow") { try await sleep(for: .seconds(10)) }
            let victim = spawn("victim") { try await sleep(for: .seconds(10)) }
            spawn("canceller") {
                try await sleep(for: .seconds(1))
                victim.cancel()
            }
            do {
                _ = try await gather(slow, victim)
            } catch is CancellationError {
                thrownAt.value = loop.now
            }
            slow.cancel()
        }
        #expect(thrownAt.value == .seconds(1))
    }
}
