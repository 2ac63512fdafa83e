import Foundation
import Testing
@testable import Interleave

/// Calls that only a task on the loop, or a single driver, can make: made from anywhere else
/// they trap with a message that says which rule was broken (exit tests: each runs in a child
/// process that must die).
///
/// A body makes its own loop: an exit test's body cannot capture anything.
@Suite struct OffLoopTrapTests {
    @Test func releasingALockFromAnotherThreadTraps() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let loop = Loop()
            let lock = Lock("L", on: loop)
            loop.spawn("holder") { try await lock.acquire() }
            loop.run(until: .zero)
            onAnotherThread { lock.release() }
        }
        #expect(said(result, "Lock.release called off the loop"))
    }

    @Test func notifyingAConditionFromAnotherThreadTraps() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let loop = Loop()
            let condition = Condition("c", on: loop)
            onAnotherThread { condition.notify() }
        }
        #expect(said(result, "Condition.notify called off the loop"))
        let second = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let loop = Loop()
            let condition = Condition("c", on: loop)
            onAnotherThread { condition.notifyAll() }
        }
        #expect(said(second, "Condition.notifyAll called off the loop"))
    }

    @Test func takingFromAQueueFromAnotherThreadTraps() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let loop = Loop()
            let jobs = Queue<Int>("jobs", on: loop)
            onAnotherThread { _ = try? jobs.getNowait() }
        }
        #expect(said(result, "Queue.getNowait called off the loop"))
        let second = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let loop = Loop()
            let jobs = Queue<Int>("jobs", on: loop)
            onAnotherThread { try? jobs.taskDone() }
        }
        #expect(said(second, "Queue.taskDone called off the loop"))
    }

    @Test func steppingALoopThatAnotherThreadIsSteppingTraps() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let loop = Loop()
            let inJob = DispatchSemaphore(value: 0), never = DispatchSemaphore(value: 0)
            loop.spawn("blocker") {
                inJob.signal()
                blockThread(until: never)
            }
            Thread { loop.runUntilIdle() }.start()
            blockThread(until: inJob)
            loop.step()
        }
        #expect(said(result, "Loop.step called while another thread drives the loop"))
    }

    @Test func spawningOnALoopThatALiveRunnerDrivesTraps() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let loop = Loop()
            let inJob = DispatchSemaphore(value: 0), never = DispatchSemaphore(value: 0)
            loop.spawn("blocker") {
                inJob.signal()
                blockThread(until: never)
            }
            LiveRunner(loop: loop).start()
            blockThread(until: inJob)
            loop.spawn("late") {}
        }
        #expect(said(result, "Loop.spawn called while another thread drives the loop"))
    }

    @Test func steppingALoopFromInsideOneOfItsJobsTraps() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let loop = Loop()
            loop.spawn("reentrant") { loop.step() }
            loop.runUntilIdle()
        }
        #expect(said(result, "Loop.step called from inside a job of the same loop"))
        let second = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let loop = Loop()
            loop.spawn("reentrant") { loop.runUntilIdle() }
            loop.runUntilIdle()
        }
        #expect(said(second, "Loop.runUntilIdle called from inside a job of the same loop"))
        let third = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let loop = Loop()
            loop.spawn("reentrant") { loop.close() }
            loop.runUntilIdle()
        }
        #expect(said(third, "Loop.close called from inside a job of the same loop"))
    }

    /// Whether the dead process said `message` on standard error (the trap's message).
    private func said(_ result: ExitTest.Result?, _ message: String) -> Bool {
        String(decoding: result?.standardErrorContent ?? [], as: UTF8.self).contains(message)
    }
}
