import Foundation
import Synchronization
import Testing
@testable import Interleave

/// A loop may be driven from any one thread at a time, and what it publishes (a task's
/// outcome) may be read from any thread, even while it runs.
@Suite struct LoopDriverTests {
    @Test func oneThreadThenAnotherMayDriveTheSameLoop() throws {
        let loop = Loop()
        let handle = Box<LoopTask<Duration>?>(nil)
        onAnotherThread {
            handle.value = loop.spawn("sleeper") { try await sleep(for: .seconds(2)); return loop.now }
            loop.run(until: .seconds(1))
        }
        #expect(loop.now == .seconds(1))
        loop.runUntilIdle()
        #expect(try handle.value?.result?.get() == .seconds(2))
        onAnotherThread { loop.close() }
    }

    @Test func aTaskOutcomeReadFromAnotherThreadWhileTheLoopRunsIsWholeOrAbsent() throws {
        let loop = Loop()
        let answer = loop.spawn("counter") {
            for _ in 0..<200 { try await yield() }
            return 42
        }
        let reader = OutcomeReader(answer)
        let done = DispatchSemaphore(value: 0)
        Thread {
            reader.readUntilStopped()
            done.signal()
        }.start()
        loop.runUntilIdle()
        reader.stop.store(true, ordering: .releasing)
        done.wait()
        #expect(!reader.sawFinishedWithoutResult)
        #expect(reader.lastSeen == 42)
    }
}

/// Reads a task's outcome over and over from its own thread until told to stop.
private final class OutcomeReader: @unchecked Sendable {
    // Unchecked: the two results are written by the reading thread only, and read by the test
    // after joining it.
    let task: LoopTask<Int>
    let stop = Atomic<Bool>(false)
    var sawFinishedWithoutResult = false
    var lastSeen: Int?

    init(_ task: LoopTask<Int>) { self.task = task }

    func readUntilStopped() {
        var stopping = false
        while !stopping {
            // Read the flag first: once it says stop, the run is over and this read is the last.
            stopping = stop.load(ordering: .acquiring)
            let finished = task.isFinished
            let result = task.result
            if finished && result == nil { sawFinishedWithoutResult = true }
            lastSeen = try? result?.get()
        }
    }
}
