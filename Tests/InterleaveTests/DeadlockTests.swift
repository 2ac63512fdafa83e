import Testing
@testable import Interleave

/// Deadlock detection: the wait-for cycle is recorded edge by edge; other stuck tasks are linted.
@Suite struct DeadlockTests {
    @Test func twoLocksTakenInOppositeOrderDeadlockWithTheirCycle() throws {
        let loop = Loop()
        #expect(throws: LoopError.neverFinished("main")) {
            try loop.run("main") {
                let l1 = Lock("L1"), l2 = Lock("L2")
                let a = spawn("A") {
                    try await l1.withLock { try await sleep(for: .seconds(1)); try await l2.withLock {} }
                }
                let b = spawn("B") {
                    try await l2.withLock { try await sleep(for: .seconds(1)); try await l1.withLock {} }
                }
                _ = try await gather(a, b)
            }
        }
        let world = Transcript.fold(loop.store)
        #expect(world.deadlocked)
        #expect(world.ended)
        #expect(Transcript.events(loop.store, only: [.deadlock]) == [
            "1.000s DEADLOCK: A waits for L2 held by B",
            "1.000s DEADLOCK: B waits for L1 held by A",
            "1.000s DEADLOCK: main waits for gather(2), which no task can end",
        ])
        #expect(Transcript.lints(loop.store) == ["main waits forever on gather(2), whose tasks cannot finish"])
        let l1 = loop.store.resourceID("L1")!, l2 = loop.store.resourceID("L2")!
        #expect(world.resources[l1.index].holder == loop.store.taskID("A"))
        #expect(world.resources[l2.index].holder == loop.store.taskID("B"))
        #expect(world.waiters(of: l2) == [loop.store.taskID("A")!])
        #expect(Transcript.timeline(loop.store, tasks: ["A", "B"]) == """
            A |SSW|
            B |SSW|
            """)
    }

    @Test func diningPhilosophersDeadlockIsDetected() throws {
        let loop = Loop()
        let n = 5
        #expect(throws: LoopError.self) {
            try loop.run("main") {
                let forks = (0..<n).map { Lock("fork\($0)") }
                _ = try await gather((0..<n).map { i in
                    spawn("philosopher\(i)") {
                        try await forks[i].withLock {
                            try await sleep(for: .seconds(1))
                            try await forks[(i + 1) % n].withLock { print("eats") }
                        }
                    }
                })
            }
        }
        let edges = loop.store.events(.deadlock).filter { !$0.argTask.isNone }
        #expect(edges.count == n)
        for edge in edges {
            let i = Int(loop.store.taskName(edge.task).dropFirst("philosopher".count))!
            #expect(loop.store.resourceName(edge.resource) == "fork\((i + 1) % n)")
            #expect(loop.store.taskName(edge.argTask) == "philosopher\((i + 1) % n)")
        }
        #expect(Set(edges.map(\.task)).count == n)
        #expect(Transcript.printed(loop.store).isEmpty)
        #expect(Transcript.fold(loop.store).deadlocked)
    }

    @Test func reacquiringANonReentrantLockIsASelfDeadlock() throws {
        let loop = Loop()
        #expect(throws: LoopError.neverFinished("main")) {
            try loop.run("main") {
                let lock = Lock("L")
                try await lock.withLock { try await lock.withLock {} }
            }
        }
        #expect(Transcript.events(loop.store, only: [.deadlock]) == ["0.000s DEADLOCK: main waits for L held by main"])
    }

    @Test func aWaitNothingWillEndIsLintedWithoutACycle() throws {
        let loop = Loop()
        let waiter = loop.spawn("waiter") { try await Event("never", on: loop).wait() }
        loop.runUntilIdle()
        #expect(!waiter.isFinished)
        #expect(loop.isFinished)
        #expect(Transcript.events(loop.store, only: [.deadlock]) == ["0.000s DEADLOCK: waiter waits for never, which no task can end"])
        #expect(Transcript.lints(loop.store) == ["waiter waits forever on event never, which nothing will set"])
        loop.close()
    }

    @Test func aCleanRunReportsNoDeadlockAndEndsOnce() throws {
        let loop = Loop()
        try loop.run("main") { try await sleep(for: .seconds(1)) }
        loop.runUntilIdle()
        let world = Transcript.fold(loop.store)
        #expect(!world.deadlocked && world.ended)
        #expect(loop.store.events(.runEnded).count == 1)
        #expect(world.liveTaskCount == 0)
    }

    /// A wait-for cycle as long as there are tasks is found whole, without recursion: a
    /// recursive search 100,000 tasks deep overflowed the thread's stack. (Built directly from
    /// task records, each joining the next, so the test takes milliseconds.)
    @Test func aHundredThousandTaskCycleIsFoundWhole() {
        let count = 100_000
        let tasks = (0..<count).map { TaskRecord(id: TaskID($0), name: "t\($0)") }
        for (index, task) in tasks.enumerated() { task.parkedAt = tasks[(index + 1) % count] }
        let cycle = Loop().findCycle(among: tasks)
        #expect(cycle.count == count)
        #expect(cycle.first?.0 === tasks[0] && cycle.first?.1 === tasks[1])
        #expect(cycle.last?.0 === tasks[count - 1] && cycle.last?.1 === tasks[0])
        // A chain that ends in a task waiting on nothing has no cycle.
        tasks[count - 1].parkedAt = nil
        #expect(Loop().findCycle(among: tasks).isEmpty)
        // Unlinked one by one: releasing a 100,000-long chain would recurse as deep.
        for task in tasks { task.parkedAt = nil }
    }
}
