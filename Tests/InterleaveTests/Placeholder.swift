import Testing
@testable import Interleave

@Test func smokeSpawnSleepJoin() throws {
    let loop = Loop()
    let total = try loop.run("main") {
        let a = spawn("task1") { try await sleep(for: .seconds(2)); return 1 }
        let b = spawn("task2") { try await sleep(for: .seconds(1)); return 2 }
        let x = try await a.value
        let y = try await b.value
        return (x + y, loop.now)
    }
    #expect(total.0 == 3)
    #expect(total.1 == .seconds(2))
    let kinds = loop.store.events.snapshot().map { "\($0.kind)" }
    print(kinds.joined(separator: " "))
}
