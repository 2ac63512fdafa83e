import Interleave

extension Catalogue {
    static let event = Demo(
        name: "event",
        title: "Signalling with an Event",
        summary: "worker2 waits for the event that worker1 sets after 2 s",
        concept: "An event is a flag tasks can wait for: waiting costs nothing, and setting it "
            + "wakes every waiter at once."
    ) { _ in
        let event = Event("event")
        _ = try await Interleave.gather(
            spawn("worker1") { try await worker1(event) },
            spawn("worker2") { try await worker2(event) }
        )
    }
}

private func worker1(_ event: Event) async throws {
    print("Worker 1 starting")
    try await sleep(for: .seconds(2))
    print("Worker 1 finishing")
    event.set()  // Signal completion
    caption("worker1 set the event: worker2 wakes up")
}

private func worker2(_ event: Event) async throws {
    print("Worker 2 starting")
    caption("worker2 waits for the event; the loop runs others meanwhile")
    try await event.wait()  // Wait for the signal
    print("Worker 2 finishing")
    caption("worker2 finishes at 2 s, right after worker1's signal")
}
