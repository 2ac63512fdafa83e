import Interleave

extension Catalogue {
    static let queue = Demo(
        name: "queue",
        title: "Producers and consumers around a Queue",
        summary: "Two producers, two consumers, a queue of 2: producers wait when it is full; join waits for all",
        concept: "A bounded queue hands work from producers to consumers and pushes back: put waits "
            + "while the queue is full, get while it is empty, and join until every item is done."
    ) { _ in
        let queue = Queue<String>("queue", capacity: 2)
        let consumers = (1...2).map { n in spawn("consumer\(n)") { try await consumer(queue) } }
        let producers = (1...2).map { n in spawn("producer\(n)") { try await producer(n, queue) } }
        caption("The queue holds 2 items: producers can run only 2 items ahead of the consumers")
        _ = try await Interleave.gather(producers)
        caption("Every item is queued; join waits until each one is marked done")
        try await queue.join()
        print("All items processed")
        caption("join returned: all six items were marked done, so main cancels the idle consumers")
        // The consumers loop forever: cancel them, and wait until they have stopped.
        for consumer in consumers { consumer.cancel() }
        _ = try await Interleave.gather(consumers, returnExceptions: true)
    }
}

private func producer(_ n: Int, _ queue: Queue<String>) async throws {
    for i in 1...3 {
        let item = "item \(n).\(i)"
        if queue.isFull {
            print("Queue full, waiting to put \(item)")
        }
        try await queue.put(item)  // waits while the queue is full: backpressure
        print("Put \(item)")
    }
}

private func consumer(_ queue: Queue<String>) async throws {
    while true {
        let item = try await queue.get()  // waits while the queue is empty
        print("Processing \(item)")
        try await sleep(for: .milliseconds(500))
        try queue.taskDone()
    }
}
