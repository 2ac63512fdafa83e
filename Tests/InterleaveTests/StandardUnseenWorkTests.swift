import Dispatch
import Testing
@testable import Interleave
import InterleaveTrace

/// What the loop cannot see of unmodified code is said, not mis-drawn.
@Suite struct StandardUnseenWorkTests {
    /// A continuation resumed by a DispatchQueue: the task comes back from another thread, and
    /// a lint says that work ran in real time outside the loop.
    @Test func aTaskResumedFromAnotherThreadIsReported() throws {
        let loop = Loop(routesStandardJobs: true)
        let value = try loop.run {
            await Task(name: "waiter") {
                await withCheckedContinuation { continuation in
                    DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(20)) { continuation.resume(returning: 7) }
                }
            }.value
        }
        #expect(value == 7)
        let lints = Transcript.lints(loop.store)
        #expect(lints.contains { $0.contains("waiter was resumed from another thread") }, "\(lints)")
    }

    /// A continuation nothing resumes is not called a deadlock: the loop cannot know that no
    /// other thread will resume it.
    @Test func aWaitNothingResumesIsNotCalledADeadlock() throws {
        let loop = Loop(routesStandardJobs: true)
        let forgotten = Box<UnsafeContinuation<Void, Never>?>(nil)
        loop.spawn("main") {
            await Task(name: "forgotten") {
                await withUnsafeContinuation { forgotten.value = $0 }
            }.value
        }
        loop.runUntilIdle(ioPatience: .zero)
        let events = loop.store.events.snapshot()
        #expect(!events.contains { $0.kind == .deadlock })
        let lints = Transcript.lints(loop.store)
        #expect(lints.contains { $0.contains("the run stopped with main, forgotten suspended in awaits") }, "\(lints)")
        // Resumed at last: a task nothing ever resumes is never freed, nor the loop it holds
        // (LeakSanitizer reports them).
        forgotten.value?.resume()
        loop.close()
    }

    /// `await task.value` on a standard task is drawn as a join on that task, as awaiting a
    /// spawned task is: "main awaits worker".
    @Test func awaitingATasksValueIsAJoin() throws {
        let loop = Loop(routesStandardJobs: true)
        try loop.run {
            await Task(name: "worker") { try? await Task.sleep(for: .seconds(1)) }.value
        }
        let texts = loop.store.events.snapshot().compactMap { EventText.describe($0, in: loop.store) }
        #expect(texts.contains("main awaits worker"), "\(texts)")
    }
}
