import Interleave

extension Challenges {
    static let lostIncrement = Challenge(
        demo: Demo(
            name: "lost-increment",
            title: "Challenge: two likes, one counter",
            summary: "Alice and Bob each add a like: read the counter, save, write it back, with no lock",
            concept: "A read and a write with an await between them are two steps, not one."
        ) { _ in
            let likes = Shared(0)
            caption("Alice and Bob each like the post: read the counter, save the like, write the counter back")
            _ = try await Interleave.gather(
                spawn("alice") { try await like(likes, by: "Alice") },
                spawn("bob") {
                    try await sleep(for: .milliseconds(100))  // Bob opens the page a moment later
                    try await like(likes, by: "Bob")
                }
            )
            print("Likes at the end: \(likes.value)")
            if likes.value == 1 { caption("Both read the counter before either wrote it: one like was lost") }
            check(likes.value != 1, "the counter ended at 1: a like was lost")
        },
        goal: "Make the unlocked counter end at 1",
        difficulty: .easy,
        hints: [
            "A task's read and its write are separated by an await: others may run in between.",
            "At 0.1 s two tasks are ready at once. Who should go first?",
            "Let Bob read the counter before Alice writes her like back.",
        ],
        lesson: "`count = count + 1` across an `await` is a read and a write with a gap: another task "
            + "reads the same old value and one update overwrites the other. In asyncio, keep the two "
            + "together under an `asyncio.Lock`, or with no await between them."
    )
}

private func like(_ likes: Shared<Int>, by name: String) async throws {
    let seen = likes.value
    print("\(name) reads \(seen)")
    try await sleep(for: .milliseconds(100))  // save the like in the database
    likes.value = seen + 1
    print("\(name) writes \(seen + 1)")
}
