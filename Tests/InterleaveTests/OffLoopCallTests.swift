import Foundation
import InterleaveTrace
import Testing
@testable import Interleave

/// Calls made from a thread that is not stepping the loop, for the operations that hop onto it
/// (asyncio's `call_soon_threadsafe`): nothing happens until the loop's next turn, and then it
/// happens as if done there, recorded as done from outside the loop's tasks.
///
/// Each test parks a task on the loop, makes the call from another thread (joined, so no
/// timing is assumed), checks that it waits for the loop, then lets the loop run.
@Suite struct OffLoopCallTests {
    @Test func eventSetFromAnotherThreadWakesTheWaiterAtTheNextStepAndIsRecorded() throws {
        let loop = Loop()
        let event = Event("go", on: loop)
        let waiter = loop.spawn("waiter") { try await event.wait() }
        loop.run(until: .zero)
        onAnotherThread { event.set() }
        #expect(loop.store.events(.eventSet).isEmpty, "nothing happens until the loop's next turn")
        #expect(!waiter.isFinished)
        loop.run(until: .zero)
        #expect(waiter.isFinished && event.isSet)
        let sets = loop.store.events(.eventSet)
        #expect(sets.count == 1 && sets.first?.task == TaskID.none)
        #expect(sets.first.flatMap { EventText.describe($0, in: loop.store) } == "code outside the loop sets go")
        let wake = loop.store.events(.taskWoken).last
        #expect(wake?.task == waiter.id && wake?.argTask == TaskID.none && wake?.resource == event.resource)
    }

    @Test func eventClearFromAnotherThreadTakesEffectAtTheNextStep() {
        let loop = Loop()
        let event = Event("flag", on: loop)
        loop.spawn("setter") { event.set() }
        loop.run(until: .zero)
        onAnotherThread { event.clear() }
        #expect(event.isSet)
        loop.run(until: .zero)
        #expect(!event.isSet)
        #expect(Transcript.events(loop.store, only: [.eventSet, .eventCleared]) == [
            "0.000s setter sets flag", "0.000s code outside the loop clears flag",
        ])
    }

    @Test func futureSetResultFromAnotherThreadWinsAtOnceAndResolvesAtTheNextStep() throws {
        let loop = Loop()
        let answer = Future<Int>("answer", on: loop)
        let waiter = loop.spawn("waiter") { try await answer.value() }
        loop.run(until: .zero)
        let calls = Box<[Bool]>([])
        onAnotherThread {
            calls.value.append(answer.setResult(42))
            calls.value.append(answer.setResult(7))
            calls.value.append(answer.cancel())
        }
        #expect(calls.value == [true, false, false], "the first setter wins, even before the loop has seen it")
        #expect(loop.store.events(.futureResolved).isEmpty)
        loop.run(until: .zero)
        #expect(try waiter.result?.get() == 42)
        let resolved = loop.store.events(.futureResolved)
        #expect(resolved.count == 1 && resolved.first?.task == TaskID.none)
        #expect(!answer.setResult(1), "on the loop too, a second setter loses")
    }

    @Test func futureSetErrorFromAnotherThreadFailsTheWaiterAndRecordsTheError() {
        let loop = Loop()
        let page = Future<String>("page", on: loop)
        let waiter = loop.spawn("waiter") { try await page.value() }
        loop.run(until: .zero)
        onAnotherThread { _ = page.setError(Boom(tag: "connection reset")) }
        loop.run(until: .zero)
        #expect(throws: Boom(tag: "connection reset")) { try waiter.result?.get() }
        #expect(Transcript.events(loop.store, only: [.futureFailed]) == [
            "0.000s code outside the loop fails page: connection reset",
        ])
    }

    @Test func futureCancelFromAnotherThreadCancelsTheWaiter() {
        let loop = Loop()
        let answer = Future<Int>("answer", on: loop)
        let waiter = loop.spawn("waiter") { try await answer.value() }
        loop.run(until: .zero)
        onAnotherThread { _ = answer.cancel() }
        loop.run(until: .zero)
        #expect(throws: CancellationError.self) { try waiter.result?.get() }
        #expect(loop.store.events(.futureCancelled).map(\.task) == [TaskID.none])
    }

    @Test func semaphoreReleaseFromAnotherThreadHandsThePermitToTheWaiter() throws {
        let loop = Loop()
        let slots = Semaphore("slots", permits: 0, on: loop)
        let waiter = loop.spawn("waiter") { try await slots.acquire() }
        loop.run(until: .zero)
        onAnotherThread { try? slots.release() }
        #expect(loop.store.events(.semaphoreReleased).isEmpty)
        loop.run(until: .zero)
        #expect(waiter.isFinished)
        let released = loop.store.events(.semaphoreReleased)
        #expect(released.count == 1 && released.first?.task == TaskID.none)
        #expect(loop.store.events(.semaphoreAcquired).last?.task == waiter.id)
    }

    @Test func releasingABoundedSemaphoreTooOftenFromAnotherThreadIsALint() {
        let loop = Loop()
        let slots = Semaphore("slots", permits: 1, bounded: true, on: loop)
        onAnotherThread { try? slots.release() }
        loop.run(until: .zero)
        let lints = loop.store.events(.lint).map { EventText.describe($0, in: loop.store) ?? "" }
        #expect(lints == ["BoundedSemaphore slots released too many times from outside the loop"])
        #expect(slots.inUse == 0)
    }

    @Test func queuePutNowaitFromAnotherThreadFeedsTheWaitingGetter() throws {
        let loop = Loop()
        let jobs = Queue<Int>("jobs", on: loop)
        let getter = loop.spawn("getter") { try await jobs.get() }
        loop.run(until: .zero)
        onAnotherThread { try? jobs.putNowait(7) }
        #expect(loop.store.events(.queuePut).isEmpty)
        loop.run(until: .zero)
        #expect(try getter.result?.get() == 7)
        #expect(Transcript.events(loop.store, only: [.queuePut, .queueGot]) == [
            "0.000s code outside the loop puts into jobs (1 queued)", "0.000s getter gets from jobs (0 queued)",
        ])
    }

    @Test func queuePutNowaitFromAnotherThreadIntoAFullQueueDropsTheItemWithALint() throws {
        let loop = Loop()
        let jobs = Queue<Int>("jobs", capacity: 1, on: loop)
        loop.spawn("filler") { try jobs.putNowait(1) }
        loop.run(until: .zero)
        onAnotherThread { try? jobs.putNowait(2) }
        loop.run(until: .zero)
        #expect(jobs.count == 1)
        let lints = loop.store.events(.lint).map { EventText.describe($0, in: loop.store) ?? "" }
        #expect(lints == ["putNowait from outside the loop found jobs full; the item was dropped"])
    }

    @Test func aTaskCancelFromAnotherThreadIsRecordedAsTheLoops() {
        let loop = Loop()
        let event = Event("never", on: loop)
        let waiter = loop.spawn("waiter") { try await event.wait() }
        loop.run(until: .zero)
        onAnotherThread { waiter.cancel() }
        loop.run(until: .zero)
        #expect(throws: CancellationError.self) { try waiter.result?.get() }
        #expect(loop.store.events(.taskCancelRequested).map(\.argTask) == [TaskID.none])
    }
}
