import Testing
@testable import Interleave

/// gather, gather(returnExceptions:), asCompleted and task scopes.
@Suite struct GatherTests {
    @Test func gatherReturnsValuesInArgumentOrderNotCompletionOrder() throws {
        let loop = Loop()
        let (a, b, c) = try loop.run("main") {
            try await gather(
                spawn("slow") { try await sleep(for: .seconds(3)); return 1 },
                spawn("fast") { try await sleep(for: .seconds(1)); return "two" },
                spawn("mid") { try await sleep(for: .seconds(2)); return 3.0 })
        }
        #expect(a == 1 && b == "two" && c == 3.0)
        #expect(loop.now == .seconds(3))
    }

    @Test func gatherOfAnArrayKeepsOrder() throws {
        let loop = Loop()
        let values = try loop.run("main") {
            try await gather((0..<5).map { i in
                spawn("t\(i)") { try await sleep(for: .milliseconds(100 * (5 - i))); return i * i }
            })
        }
        #expect(values == [0, 1, 4, 9, 16])
        #expect(loop.now == .milliseconds(500))
    }

    @Test func gatherOfTasksThatAlreadyFinishedReturnsAtOnce() throws {
        let loop = Loop()
        let values = try loop.run("main") {
            let tasks = [spawn("a") { 1 }, spawn("b") { 2 }]
            try await sleep(for: .seconds(1))
            #expect(tasks.allSatisfy { $0.isFinished })
            let before = loop.now
            let values = try await gather(tasks)
            #expect(loop.now == before)
            return values
        }
        #expect(values == [1, 2])
    }

    /// asyncio's gather: the first error reaches the caller at once and the other tasks run on.
    @Test func gatherThrowsTheFirstErrorAtOnceAndLeavesTheOthersRunning() throws {
        let loop = Loop()
        let sibling = Box<LoopTask<Int>?>(nil)
        let caughtAt = Box<Duration?>(nil)
        try loop.run("main") {
            let slow = spawn("task1") { try await sleep(for: .seconds(5)); return 1 }
            sibling.value = slow
            let failing = spawn("task2") { () async throws -> Int in
                try await sleep(for: .seconds(1))
                throw Boom(tag: "task2 failed")
            }
            do {
                _ = try await gather(slow, failing)
            } catch let error as Boom {
                #expect(error == Boom(tag: "task2 failed"))
                caughtAt.value = Loop.current?.now
            }
            // The sibling was not cancelled: awaiting it gives its value.
            #expect(try await slow.value == 1)
        }
        #expect(caughtAt.value == .seconds(1))
        #expect(loop.now == .seconds(5))
        #expect(Transcript.events(loop.store, only: [.taskCancelRequested]).isEmpty)
        #expect(Transcript.timeline(loop.store) == """
            main  |WWWWWWWWWW.|
            task1 |SSSSSSSSSS.|
            task2 |SSXXXXXXXXX|
            """)
    }

    /// A cancelled task counts as one that raised CancellationError, as in asyncio; the other runs on.
    @Test func aCancelledTaskMakesGatherThrowCancellation() throws {
        let loop = Loop()
        let outcome = Box<String>("")
        try loop.run("main") {
            let victim = spawn("task1") { try await sleep(for: .seconds(5)); return 1 }
            let other = spawn("task2") { try await sleep(for: .seconds(2)); return 2 }
            spawn("canceller") { try await sleep(for: .seconds(1)); victim.cancel() }
            do {
                _ = try await gather(victim, other)
            } catch is CancellationError {
                outcome.value = "cancelled at \(Loop.current!.now)"
            }
            #expect(try await other.value == 2)
        }
        #expect(outcome.value == "cancelled at 1.0 seconds")
        let world = Transcript.fold(loop.store)
        #expect(world.tasks[loop.store.taskID("task2")!.index].state == .returned)
    }

    /// Cancelling the task that waits in gather cancels the gathered tasks, as cancelling an asyncio gather does.
    @Test func cancellingTheCallerCancelsTheGatheredTasks() throws {
        let loop = Loop()
        try loop.run("main") {
            let waiter = spawn("waiter") {
                _ = try await gather(
                    spawn("task1") { try await sleep(for: .seconds(5)); return 1 },
                    spawn("task2") { try await sleep(for: .seconds(5)); return 2 })
            }
            try await sleep(for: .seconds(1))
            waiter.cancel()
            await #expect(throws: CancellationError.self) { try await waiter.value }
        }
        let world = Transcript.fold(loop.store)
        for name in ["waiter", "task1", "task2"] {
            #expect(world.tasks[loop.store.taskID(name)!.index].state == .cancelled, "\(name)")
        }
        #expect(loop.now == .seconds(1))
    }

    @Test func returnExceptionsCollectsValuesAndErrorsInOrder() throws {
        let loop = Loop()
        let results = try loop.run("main") {
            try await gather([
                spawn("ok1") { try await sleep(for: .seconds(2)); return 1 },
                spawn("bad") { () async throws -> Int in try await sleep(for: .seconds(1)); throw Boom(tag: "bad") },
                spawn("ok3") { try await sleep(for: .seconds(3)); return 3 },
            ], returnExceptions: true)
        }
        #expect(results.count == 3)
        #expect(try results[0].get() == 1)
        #expect(throws: Boom(tag: "bad")) { try results[1].get() }
        #expect(try results[2].get() == 3)
        // One failure disturbs nobody: the others ran to their end.
        #expect(loop.now == .seconds(3))
        #expect(Transcript.events(loop.store, only: [.taskCancelRequested]).isEmpty)
        #expect(Transcript.lints(loop.store).isEmpty)
    }

    @Test func returnExceptionsFalseBehavesLikePlainGather() throws {
        let loop = Loop()
        let results = try loop.run("main") {
            try await gather([spawn("a") { 1 }, spawn("b") { 2 }], returnExceptions: false)
        }
        #expect(results.map { try? $0.get() } == [1, 2])
    }

    @Test func asCompletedYieldsInCompletionOrder() throws {
        let loop = Loop()
        let order = try loop.run("main") {
            let delays = [400, 100, 300, 200, 0]
            let tasks = delays.enumerated().map { index, ms in
                spawn("t\(index)") { try await sleep(for: .milliseconds(ms)); return index }
            }
            var order: [Int] = []
            var times: [Duration] = []
            for try await task in asCompleted(tasks) {
                order.append(try await task.value)
                times.append(loop.now)
            }
            #expect(times == [0, 100, 200, 300, 400].map { Duration.milliseconds($0) })
            return order
        }
        #expect(order == [4, 1, 3, 2, 0])
    }

    @Test func asCompletedOfAnEmptyListEndsAtOnce() throws {
        let loop = Loop()
        let count = try loop.run("main") {
            var count = 0
            for try await _ in asCompleted([LoopTask<Int>]()) { count += 1 }
            return count
        }
        #expect(count == 0)
        #expect(loop.now == .zero)
    }

    @Test func taskScopeWaitsForEveryChild() throws {
        let loop = Loop()
        let finished = Box<[String]>([])
        try loop.run("main") {
            try await withTaskScope("downloads") { scope in
                for (name, ms) in [("a", 300), ("b", 100), ("c", 200)] {
                    scope.spawn(name) {
                        try await sleep(for: .milliseconds(ms))
                        finished.value.append(name)
                    }
                }
            }
            #expect(loop.now == .milliseconds(300))
        }
        #expect(finished.value == ["b", "c", "a"])
    }

    @Test func taskScopeCancelsSiblingsWhenAChildFailsAndThrowsThatError() throws {
        let loop = Loop()
        let reached = Box(false)
        #expect(throws: Boom(tag: "child failed")) {
            try loop.run("main") {
                try await withTaskScope("scope") { scope in
                    scope.spawn("slow") {
                        try await sleep(for: .seconds(10))
                        reached.value = true
                    }
                    scope.spawn("waiter") { try await Event("never").wait() }
                    scope.spawn("failing") { () async throws -> Void in
                        try await sleep(for: .seconds(1))
                        throw Boom(tag: "child failed")
                    }
                }
            }
        }
        #expect(reached.value == false)
        #expect(loop.now == .seconds(1))
        let world = Transcript.fold(loop.store)
        #expect(world.deadlocked == false)
        #expect(world.tasks.allSatisfy { $0.state.isFinished })
        #expect(Transcript.timeline(loop.store, resolution: .seconds(1)) == """
            main    |WX|
            slow    |SC|
            waiter  |WC|
            failing |SX|
            """)
    }

    @Test func taskScopeWhoseBodyThrowsCancelsItsChildren() throws {
        let loop = Loop()
        #expect(throws: Boom(tag: "body")) {
            try loop.run("main") {
                try await withTaskScope("scope") { scope in
                    scope.spawn("child") { try await sleep(for: .seconds(10)) }
                    try await sleep(for: .seconds(1))
                    throw Boom(tag: "body")
                }
            }
        }
        #expect(loop.now == .seconds(1))
        #expect(Transcript.fold(loop.store).tasks.allSatisfy { $0.state.isFinished })
    }

    @Test
    func cancellingTheGathererEndsItsChildrenBeforeItEnds() throws {
        for seed in UInt64(41)...48 {
            let loop = Loop(policy: .random(seed: seed))
            let children = Box<[LoopTask<Void>]>([])
            let allEndedFirst = Box<Bool?>(nil)
            try loop.run("main") {
                let outer = spawn("outer") {
                    let kids = [spawn("k1") { try await sleep(for: .seconds(10)) },
                                spawn("k2") { try await sleep(for: .seconds(10)) }]
                    children.value = kids
                    _ = try await gather(kids)
                }
                try await sleep(for: .seconds(1))
                outer.cancel()
                do {
                    try await outer.value
                    Issue.record("outer finished although it was cancelled")
                } catch {
                    #expect(error is CancellationError, "outer's gather rethrows its cancellation")
                }
                // asyncio: the outer gather future completes only once its children are done.
                allEndedFirst.value = children.value.allSatisfy { $0.isFinished }
            }
            #expect(allEndedFirst.value == true, "seed \(seed)")
            #expect(loop.now == .seconds(1))
        }
    }
}
