import Interleave

extension Catalogue {
    static let hello = Demo(
        name: "hello",
        title: "A coroutine",
        summary: "Prints Hello, sleeps 1 s without blocking, prints World",
        concept: "An async function runs until an await suspends it; the loop resumes it when the sleep ends."
    ) { _ in
        try await sayHello()
    }
}

/// asyncio: `async def say_hello(): print("Hello"); await asyncio.sleep(1); print("World")`
private func sayHello() async throws {
    print("Hello")
    caption("say_hello suspends at its await: the loop is free for 1 s")
    try await sleep(for: .seconds(1))
    print("World")
    caption("The sleep ended, so the loop resumed the coroutine where it stopped")
}
