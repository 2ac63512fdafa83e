import Testing
@testable import InterleaveTrace

/// What each task of a run keeps for as long as the trace lives: the soak's million tasks make
/// every byte here a megabyte.
@Suite struct TaskMemoryTests {
    private static func storage(_ name: String) -> UnsafeRawPointer? {
        var name = name
        return name.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func equalLongNamesShareTheirStorage() {
        let store = TraceStore()
        let recorder = TraceRecorder(store: store)
        // Made at run time, as "w\(index) (timeout …)" is: two equal strings, two heap buffers.
        let parts = ["w12", "(timeout 0.050s)"]
        _ = recorder.createTask(name: parts.joined(separator: " "), parent: .none, at: 0)
        _ = recorder.createTask(name: parts.joined(separator: " "), parent: .none, at: 0)
        _ = recorder.createTask(name: "w13 (timeout 0.050s)", parent: .none, at: 0)
        let names = store.tasks.snapshot().map(\.name)
        #expect(names == ["w12 (timeout 0.050s)", "w12 (timeout 0.050s)", "w13 (timeout 0.050s)"])
        #expect(Self.storage(names[0]) == Self.storage(names[1]))
        #expect(Self.storage(names[0]) != Self.storage(names[2]))
    }

    @Test func aTaskSnapshotPacksIntoFortyBytes() {
        #expect(MemoryLayout<TaskSnapshot>.stride == 40)
    }
}
