import Interleave

extension Challenges {
    static let fittingRoom = Challenge(
        demo: Demo(
            name: "fitting-room",
            title: "Challenge: a hand-made semaphore",
            summary: "A fitting room for two: each shopper checks the count, walks over, then goes in",
            concept: "A counter checked, then incremented after an await, is not a semaphore."
        ) { _ in
            let inside = Shared(0)
            caption("The fitting room has room for two. Alice, Bob and Carol queue, 0.1 s apart")
            _ = try await Interleave.gather(["alice", "bob", "carol"].enumerated().map { index, name in
                spawn(name) {
                    // Each shopper ahead in the line takes 0.1 s (one sleep each, as the line moves).
                    for _ in 0..<index { try await sleep(for: .milliseconds(100)) }
                    try await enter(as: name, room: inside)
                }
            })
            print("Shoppers inside at the end: \(inside.value)")
        },
        goal: "Get three shoppers into the fitting room for two",
        difficulty: .easy,
        hints: [
            "A shopper counts who is inside, then walks to the room (an await), then goes in.",
            "The count a shopper saw is stale by the time it goes in.",
            "At 0.2 s, let Carol count before Bob goes in.",
        ],
        lesson: "Checking a count and then taking a place after an await lets more in than the "
            + "limit allows. `asyncio.Semaphore(2)` checks and takes a place in one step: `async with "
            + "room:` waits until a place is free and holds it."
    )
}

private func enter(as name: String, room inside: Shared<Int>) async throws {
    guard inside.value < 2 else {
        print("\(name) sees \(inside.value) inside: full, goes home")
        return
    }
    print("\(name) sees \(inside.value) inside: walks over")
    try await sleep(for: .milliseconds(100))  // walk to the room
    inside.value += 1
    print("\(name) goes in: \(inside.value) inside")
    if inside.value > 2 { caption("Three shoppers in a room for two: each saw a free place that was gone when they arrived") }
    check(inside.value <= 2, "\(inside.value) shoppers in a fitting room for two")
}
