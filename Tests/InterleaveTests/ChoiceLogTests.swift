import Testing
@testable import Interleave

@Suite struct ChoiceLogTests {
    @Test func choicesComeBackAsTheyWereMadeAcrossEveryByteLength() {
        let made = [0, 1, 127, 128, 300, 16_383, 16_384, 2_097_151, 2_097_152, 0, Int(Int32.max), Int.max, 5]
        var log = ChoiceLog()
        for choice in made { log.append(choice) }
        #expect(log.count == made.count)
        #expect(log.choices == made)
    }

    @Test func aRandomScheduleIsKeptWhole() throws {
        // A run under a random schedule keeps every choice it made, so replaying it runs the same.
        let loop = Loop(policy: .random(seed: 7))
        let order = Box()
        try loop.run("main") {
            let tasks = (0..<200).map { n in spawn("t\(n)") { try await yield(); order.value.append(n) } }
            _ = try await gather(tasks)
        }
        let made = loop.scheduleMade
        #expect(made.choices.count > 200)
        #expect(made.choices.contains { $0 >= 128 }, "some choices need two bytes")
        let replay = Loop(policy: .replay(made))
        let again = Box()
        try replay.run("main") {
            let tasks = (0..<200).map { n in spawn("t\(n)") { try await yield(); again.value.append(n) } }
            _ = try await gather(tasks)
        }
        #expect(replay.scheduleMade == made)
        #expect(again.value == order.value)
    }

    final class Box: @unchecked Sendable { var value: [Int] = [] }
}
