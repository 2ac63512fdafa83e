import Interleave

extension Challenges {
    static let stuckConsumer = Challenge(
        demo: Demo(
            name: "stuck-consumer",
            title: "Challenge: a hand-made queue with an event",
            summary: "A consumer finds the list empty, logs, clears an event and waits; a producer appends and sets it",
            concept: "Clearing an event after checking the list, with an await between, can erase a wake-up."
        ) { _ in
            let orders = Shared<[String]>([])
            let waiting = Shared(false)
            let orderPlaced = Event("order placed")
            invariant("the consumer waits while an order is queued") {
                !(waiting.value && !orders.value.isEmpty && !orderPlaced.isSet)
            }
            caption("A hand-made queue: a list of orders, and an event set whenever one is added")
            _ = try await Interleave.gather(
                spawn("consumer") {
                    try await sleep(for: .milliseconds(100))  // start up
                    if orders.value.isEmpty {
                        print("consumer: no orders, going to wait")
                        try await sleep(for: .milliseconds(50))  // log that it waits
                        orderPlaced.clear()  // wait for a new order only
                        waiting.value = true
                        if !orders.value.isEmpty { caption("The order came between the check and the clear: its wake-up was erased") }
                        try await orderPlaced.wait()
                        waiting.value = false
                    }
                    print("consumer: takes \(orders.value.removeFirst())")
                },
                spawn("producer") {
                    try await sleep(for: .milliseconds(100))  // start up
                    print("producer: cooking an order")
                    try await sleep(for: .milliseconds(50))  // cook it
                    orders.value.append("soup")
                    print("producer: queued soup")
                    orderPlaced.set()
                }
            )
        },
        goal: "Get the consumer to wait on an empty queue while an order is queued",
        difficulty: .medium,
        hints: [
            "The consumer checks the list, then awaits (logging), then clears the event and waits.",
            "A set that comes before the clear is erased by it.",
            "At 0.15 s, let the producer queue the soup before the consumer clears the event.",
        ],
        lesson: "A lost wake-up: the check (\"empty?\") and the wait were split by an await, and the "
            + "clear erased the producer's signal. `asyncio.Queue.get()` checks and waits in one step; "
            + "with an Event, clear it before checking, and check again after waking."
    )
}
