import Foundation
import Testing
@testable import InterleaveTrace

/// A small synthetic trace with every table in use.
private func sampleStore() -> TraceStore {
    let store = TraceStore(header: TraceHeader(demoName: "sample", title: "Sample", seed: 7))
    store.addSource(SourceFile(fileID: "Demos/Sample.swift", text: "line 1\nline 2\n"))
    let r = TraceRecorder(store: store)
    let loc = r.location(fileID: "Demos/Sample.swift", line: 2)
    let main = r.createTask(name: "main", parent: .none, at: 0, location: loc)
    let child = r.createTask(name: "child", parent: main, at: 0)
    let lock = r.createResource(name: "L", kind: .lock, by: main, at: 0)
    r.record(.taskResumed, task: main, at: 0)
    r.record(.lockAcquired, task: main, resource: lock, arg: Int64(main.rawValue), at: 0, location: loc)
    r.record(.taskSleeping, task: main, arg: 2_000_000_000, at: 0)
    r.record(.taskWaiting, task: child, resource: lock, arg: TraceEvent.waitArg(.acquire), at: 5)
    r.record(.output, task: child, arg: Int64(r.intern("hello").rawValue), at: 1_000_000_000)
    r.record(.taskWoken, task: child, resource: lock, arg: Int64(TaskID.none.rawValue), at: 2_000_000_000)
    r.record(.taskReturned, task: main, at: 2_000_000_000)
    return store
}

@Test func traceFileRoundTripKeepsEveryEventAndTable() throws {
    let store = sampleStore()
    let encoder = TraceEncoder(store: store)
    let bytes = encoder.fileStart() + encoder.encodeNew()
    let loaded = try TraceDecoder.decode(bytes)
    #expect(!loaded.truncated)
    #expect(loaded.store.events.snapshot() == store.events.snapshot())
    #expect(loaded.store.tasks.snapshot() == store.tasks.snapshot())
    #expect(loaded.store.resources.snapshot() == store.resources.snapshot())
    #expect(loaded.store.strings.snapshot() == store.strings.snapshot())
    #expect(loaded.store.header == store.header)
    #expect(loaded.store.sources == store.sources)
    #expect(bytes.count - encoder.fileStart().count < 400)
}

@Test func truncatedFileLoadsUpToItsLastWholeBlock() throws {
    let store = sampleStore()
    let encoder = TraceEncoder(store: store)
    let bytes = encoder.fileStart() + encoder.encodeNew()
    var sawTruncation = false
    for cut in stride(from: 12, to: bytes.count, by: 1) {
        do {
            let loaded = try TraceDecoder.decode(Array(bytes[0..<cut]))
            sawTruncation = sawTruncation || loaded.truncated
            #expect(loaded.store.events.count <= store.events.count)
        } catch let error as TraceFileError {
            Issue.record("a cut at \(cut) should load a prefix, got \(error)")
        }
    }
    #expect(sawTruncation)
}

@Test func corruptedOrForeignBytesGiveOneLineErrors() {
    let store = sampleStore()
    let encoder = TraceEncoder(store: store)
    let good = encoder.fileStart() + encoder.encodeNew()
    #expect(throws: TraceFileError.empty) { try TraceDecoder.decode([]) }
    #expect(throws: TraceFileError.notATrace) { try TraceDecoder.decode(Array("hello world, not a trace".utf8)) }
    var newer = good
    newer[8] = 99
    #expect(throws: TraceFileError.newerVersion(99)) { try TraceDecoder.decode(newer) }
    var generator = SeededGenerator(seed: 2026)
    for _ in 0..<2000 {
        var mutated = good
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let index = Int.random(in: 12..<mutated.count, using: &generator)
            mutated[index] = UInt8.random(in: 0...255, using: &generator)
        }
        do {
            _ = try TraceDecoder.decode(mutated)
        } catch let error as TraceFileError {
            #expect(!error.description.contains("\n"))
        } catch {
            Issue.record("unexpected error type \(error)")
        }
    }
}

@Test func anExclusiveRecorderLeavesAnExistingFileAlone() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("exclusive-\(UUID()).itrace").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: TraceFileError.self) { _ = try TraceFileRecorder(path: path, store: sampleStore(), exclusive: true) }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
}
