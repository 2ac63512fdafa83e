import Testing
@testable import Interleave

/// The lessons' asyncio examples: same prints, same order, same virtual durations.
@Suite struct LessonTests {
    /// `async def main(): print("Hello"); await asyncio.sleep(1); print("World")`
    @Test func helloWorld() throws {
        let loop = Loop()
        try loop.run("main") {
            print("Hello")
            try await sleep(for: .seconds(1))
            print("World")
        }
        #expect(Transcript.output(loop.store) == ["0.000s main Hello", "1.000s main World"])
        #expect(loop.now == .seconds(1))
        #expect(Transcript.timeline(loop.store) == "main |SS.|")
    }

    /// `await asyncio.gather(task1(), task2())` with task1 sleeping 2 s and task2 1 s.
    @Test func gatherOfTwoTasksTakesTheLongerTime() throws {
        let loop = Loop()
        let elapsed = try loop.run("main") {
            _ = try await gather(
                spawn("task1") {
                    print("Task 1 started")
                    try await sleep(for: .seconds(2))
                    print("Task 1 completed")
                },
                spawn("task2") {
                    print("Task 2 started")
                    try await sleep(for: .seconds(1))
                    print("Task 2 completed")
                })
            return loop.now
        }
        #expect(elapsed == .seconds(2))
        #expect(loop.now == .seconds(2))
        #expect(Transcript.output(loop.store) == [
            "0.000s task1 Task 1 started",
            "0.000s task2 Task 2 started",
            "1.000s task2 Task 2 completed",
            "2.000s task1 Task 1 completed",
        ])
        #expect(Transcript.timeline(loop.store) == """
            main  |WWWW.|
            task1 |SSSS.|
            task2 |SS...|
            """)
    }

    /// Two coroutines share one lock and sleep 2 s inside it: the sections run one after the other.
    @Test func lockSerialisesTwoCriticalSections() throws {
        let loop = Loop()
        try loop.run("main") {
            let lock = Lock("lock")
            @Sendable func section() async throws {
                try await lock.withLock {
                    print("Locked section")
                    try await sleep(for: .seconds(2))
                }
                print("Unlocked section")
            }
            _ = try await gather(spawn("coro1") { try await section() }, spawn("coro2") { try await section() })
        }
        #expect(Transcript.output(loop.store) == [
            "0.000s coro1 Locked section",
            "2.000s coro1 Unlocked section",
            "2.000s coro2 Locked section",
            "4.000s coro2 Unlocked section",
        ])
        #expect(loop.now == .seconds(4))
        #expect(Transcript.timeline(loop.store, resolution: .seconds(1)) == """
            main  |WWWW.|
            coro1 |SS...|
            coro2 |WWSS.|
            """)
    }

    /// worker2 waits on an event that worker1 sets after 2 s.
    @Test func eventReleasesTheWaitingWorker() throws {
        let loop = Loop()
        try loop.run("main") {
            let event = Event("event")
            _ = try await gather(
                spawn("worker1") {
                    print("Worker 1 starting")
                    try await sleep(for: .seconds(2))
                    print("Worker 1 setting event")
                    event.set()
                },
                spawn("worker2") {
                    print("Worker 2 waiting for event")
                    try await event.wait()
                    print("Worker 2 received event")
                })
        }
        #expect(Transcript.output(loop.store) == [
            "0.000s worker1 Worker 1 starting",
            "0.000s worker2 Worker 2 waiting for event",
            "2.000s worker1 Worker 1 setting event",
            "2.000s worker2 Worker 2 received event",
        ])
        #expect(loop.now == .seconds(2))
        #expect(Transcript.timeline(loop.store, resolution: .seconds(1), tasks: ["worker1", "worker2"]) == """
            worker1 |SS.|
            worker2 |WW.|
            """)
        #expect(Transcript.events(loop.store, only: [.eventSet, .taskWoken]).contains("2.000s worker2 woken by worker1"))
    }

    /// `as_completed` over `might_fail(i)`: sleeps i seconds, fails when i > 2.
    @Test func asCompletedHandlesEachFailureAlone() throws {
        let loop = Loop()
        let results = try loop.run("main") {
            let tasks = [3, 1, 0, 2].map { i in
                spawn("might_fail(\(i))") { () async throws -> String in
                    try await sleep(for: .seconds(i))
                    if i > 2 { throw ValueError(message: "Failed on \(i)") }
                    return "Result \(i)"
                }
            }
            var results: [String] = []
            for try await task in asCompleted(tasks) {
                do {
                    let result = try await task.value
                    results.append(result)
                    print(result)
                } catch {
                    print("An error occurred: \(error)")
                }
            }
            return results
        }
        #expect(results == ["Result 0", "Result 1", "Result 2"])
        #expect(Transcript.output(loop.store) == [
            "0.000s main Result 0",
            "1.000s main Result 1",
            "2.000s main Result 2",
            "3.000s main An error occurred: Failed on 3",
        ])
        #expect(loop.now == .seconds(3))
        // The failure was awaited, so it is not reported as unretrieved.
        #expect(!Transcript.lints(loop.store).contains { $0.contains("nobody awaited") })
    }

    /// An error raised in a task reaches whoever awaits it, and the caller can catch it.
    @Test func errorsAreCaughtByTheCaller() throws {
        let loop = Loop()
        try loop.run("main") {
            let risky = spawn("risky") { () async throws -> Int in
                try await sleep(for: .seconds(1))
                throw ValueError(message: "Something went wrong")
            }
            do {
                _ = try await risky.value
                print("unreachable")
            } catch let error as ValueError {
                print("Caught an error: \(error)")
            }
        }
        #expect(Transcript.output(loop.store) == ["1.000s main Caught an error: Something went wrong"])
        #expect(Transcript.events(loop.store, only: [.taskFailed]) == ["1.000s risky failed: Something went wrong"])
        #expect(Transcript.lints(loop.store).isEmpty)
    }

    /// An error the main task does not catch comes out of `loop.run`.
    @Test func anUncaughtErrorComesOutOfRun() {
        let loop = Loop()
        #expect(throws: Boom(tag: "main failed")) {
            try loop.run("main") {
                try await sleep(for: .milliseconds(250))
                throw Boom(tag: "main failed")
            }
        }
        #expect(loop.now == .milliseconds(250))
        #expect(Transcript.fold(loop.store).tasks[0].state == .failed)
    }

    /// A failure nobody awaits is linted once the run ends, as asyncio logs "exception never retrieved".
    @Test func anUnawaitedFailureIsLinted() throws {
        let loop = Loop()
        try loop.run("main") {
            spawn("orphan") { () async throws -> Void in throw Boom(tag: "lost") }
            try await sleep(for: .seconds(1))
        }
        #expect(Transcript.lints(loop.store) == [#"orphan failed with "lost" and nobody awaited it"#])
    }
}
