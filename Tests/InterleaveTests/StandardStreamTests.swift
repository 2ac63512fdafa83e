import Testing
@testable import Interleave
import InterleaveTrace

/// `AsyncStream`s of unmodified Swift code are queues, and `Task.yield()` is a yield.
@Suite(.serialized) struct StandardStreamTests {
    /// The stream events, as the event log words them, with their times.
    private func streamEvents(_ store: TraceStore) -> [String] {
        store.events.snapshot().compactMap { e -> String? in
            guard !e.resource.isNone, store.resource(e.resource).kind == .queue else { return nil }
            return EventText.describe(e, in: store).map { "\(formatSeconds(e.time)) \($0)" }
        }
    }

    private var streamReadsWork: Bool { StandardStreams.layout != nil }

    @Test func theSelfTestConfirmsTheStreamReadsOnThisRuntime() {
        guard RuntimeTaskLayout.measured != nil else { return }
        if case .failure(let unusable) = StandardStreams.verdict { Issue.record("\(unusable.reason)") }
    }

    /// A consumer waiting in `next()` makes the stream a queue resource: it waits to get from it,
    /// the producer's yields hand it elements (a put, then its get), and the elements yielded
    /// while it was busy are the buffer, which it drains without waiting.
    @Test func aWaitingConsumerShowsTheStreamAndItsBuffer() throws {
        guard streamReadsWork else { return }
        let loop = Loop(routesStandardJobs: true)
        _ = try loop.run {
            let (numbers, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingOldest(2))
            let consumer = Task(name: "consumer") {
                var seen: [Int] = []
                for await number in numbers {
                    seen.append(number)
                    if number == 1 { try? await Task.sleep(for: .seconds(1)) }
                }
                return seen
            }
            let producer = Task(name: "producer") {
                continuation.yield(1)
                try? await Task.sleep(for: .milliseconds(100))
                for number in 2...4 { continuation.yield(number) }
                continuation.finish()
            }
            await producer.value
            let seen = await consumer.value
            #expect(seen == [1, 2, 3])
        }
        let resources = loop.store.resources.snapshot().filter { $0.kind == .queue }
        #expect(resources.map(\.name) == ["AsyncStream<Int>"])
        #expect(resources.first?.capacity == 2)
        let events = streamEvents(loop.store)
        #expect(events.first?.hasPrefix("0.000s consumer") == true, "\(events)")
        let waits = loop.store.events.snapshot().filter { $0.kind == .taskWaiting && $0.resource == ResourceID(0) }
        #expect(waits.map { loop.store.taskName($0.task) } == ["consumer"], "\(events)")
        // 1 handed over at once; 2 and 3 buffered while the consumer sleeps (4 dropped), then drained.
        let puts = loop.store.events.snapshot().filter { $0.kind == .queuePut }
        let gets = loop.store.events.snapshot().filter { $0.kind == .queueGot }
        #expect(puts.map { loop.store.taskName($0.task) } == ["producer", "producer", "producer"], "\(events)")
        #expect(puts.map(\.arg) == [1, 1, 2], "\(events)")
        #expect(gets.map { loop.store.taskName($0.task) } == ["consumer", "consumer", "consumer"], "\(events)")
        #expect(gets.map(\.arg) == [0, 1, 0], "\(events)")
        #expect(gets.map(\.time) == [0, 1_000_000_000, 1_000_000_000], "\(events)")
        // Its wake-up names the stream and the producer.
        let woken = loop.store.events.snapshot().first { $0.kind == .taskWoken && $0.resource == ResourceID(0) }
        #expect(woken.map { loop.store.taskName(TaskID(rawValue: UInt32($0.arg))) } == "producer")
    }

    @Test func aThrowingStreamIsNamedWithItsFailureType() throws {
        guard streamReadsWork else { return }
        let loop = Loop(routesStandardJobs: true)
        _ = try loop.run {
            let (words, continuation) = AsyncThrowingStream.makeStream(of: String.self)
            let reader = Task(name: "reader") { try await words.reduce("") { $0 + $1 } }
            Task(name: "writer") {
                continuation.yield("a")
                continuation.finish()
            }
            let text = try await reader.value
            #expect(text == "a")
        }
        #expect(loop.store.resources.snapshot().filter { $0.kind == .queue }.map(\.name) == ["AsyncThrowingStream<String, Error>"])
        #expect(loop.store.resources.snapshot().first { $0.kind == .queue }?.capacity == 0)
    }

    /// Cancelling a consumer waiting in a stream ends its wait (the stream terminates): it is
    /// woken by no task and hands it nothing.
    @Test func cancellingAWaitingConsumerEndsItsWait() throws {
        guard streamReadsWork else { return }
        let loop = Loop(routesStandardJobs: true)
        _ = try loop.run {
            let (numbers, _) = AsyncStream.makeStream(of: Int.self)
            let consumer = Task(name: "consumer") { for await _ in numbers {} }
            try await Task.sleep(for: .milliseconds(10))
            consumer.cancel()
            await consumer.value
        }
        #expect(loop.store.events.snapshot().filter { $0.kind == .queuePut }.isEmpty)
        #expect(loop.store.events.snapshot().contains { $0.kind == .taskWoken && $0.resource == ResourceID(0) })
        #expect(Transcript.fold(loop.store).tasks.allSatisfy { $0.state.isFinished })
    }

    /// `Task.yield()` is drawn as Interleave's yield: the task is ready again at once, behind the
    /// tasks already ready, and the runtime's own job that requeues it is not a step.
    @Test func taskYieldIsAYield() throws {
        let loop = Loop(routesStandardJobs: true)
        let order = PthreadLocked<[String]>([])
        _ = try loop.run {
            await withTaskGroup(of: Void.self) { group in
                for name in ["a", "b"] {
                    group.addTask(name: name) {
                        for round in 1...2 {
                            order.withLock { $0.append("\(name)\(round)") }
                            await Task.yield()
                        }
                    }
                }
            }
        }
        #expect(order.withLock { $0 } == ["a1", "b1", "a2", "b2"])
        let yields = loop.store.events.snapshot().filter { $0.kind == .taskYielded }.map { loop.store.taskName($0.task) }
        #expect(yields == ["a", "b", "a", "b"])
        let waits = loop.store.events.snapshot().filter { $0.kind == .taskWaiting && ["a", "b"].contains(loop.store.taskName($0.task)) }
        #expect(waits.isEmpty)
        // Every step is a task's: main, a, b, a, b, a, b (their last steps end them), then main.
        let resumed = loop.store.events.snapshot().filter { $0.kind == .taskResumed }.map { loop.store.taskName($0.task) }
        #expect(resumed == ["main", "a", "b", "a", "b", "a", "b", "main"], "\(resumed)")
    }
}
