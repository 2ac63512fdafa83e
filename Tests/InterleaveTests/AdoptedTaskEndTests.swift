import Testing
@testable import Interleave

/// Adopted tasks (an `async let`, a task-group child) end in the trace and leave the registry:
/// Swift does not say when they complete, so they are shown ended once every spawned task has.
@Suite struct AdoptedTaskEndTests {
    /// The final state of every task, by name.
    private func finalStates(_ loop: Loop) -> [String: TaskState] {
        let world = Transcript.fold(loop.store)
        return Dictionary(uniqueKeysWithValues: world.tasks.enumerated().map { index, snapshot in
            (loop.store.taskName(TaskID(index)), snapshot.state)
        })
    }

    /// The names of tasks whose end the trace records, in order.
    private func ends(_ loop: Loop) -> [String] {
        loop.store.events.snapshot()
            .filter { [.taskReturned, .taskFailed, .taskCancelled].contains($0.kind) }
            .map { loop.store.taskName($0.task) }
    }

    /// Nothing of a finished run is left in the registry but the id slots.
    private func expectRegistryEmpty(_ loop: Loop, _ comment: Comment? = nil) {
        #expect(loop.registry.addressCount == 0, comment)
        #expect(loop.registry.openAdopted.isEmpty, comment)
        #expect(loop.registry.unfinishedTasks.isEmpty, comment)
        #expect(loop.registry.liveTaskCount == 0, comment)
    }

    @Test func asyncLetChildrenEndBeforeTheirParent() throws {
        let loop = Loop()
        let total = try loop.run("main") {
            async let a: Int = { try await sleep(for: .seconds(1)); return 1 }()
            async let b: Int = { try await sleep(for: .seconds(2)); return 2 }()
            return try await a + b
        }
        #expect(total == 3)
        #expect(finalStates(loop) == ["main": .returned, "untracked-1": .returned, "untracked-2": .returned])
        #expect(ends(loop).last == "main", "the children are shown ended before main: \(ends(loop))")
        #expect(Transcript.fold(loop.store).liveTaskCount == 0)
        #expect(TraceAudit.waitWakeViolations(loop.store, includeSleeps: true).isEmpty)
        #expect(Transcript.lints(loop.store).count == 2, "still one lint per adopted task")
        #expect(Transcript.lints(loop.store).allSatisfy { $0.contains("does not tell the loop when") })
        expectRegistryEmpty(loop)
    }

    @Test func taskGroupChildrenEndWhenTheLastSpawnedTaskDoes() throws {
        let loop = Loop()
        let sum = try loop.run("main") {
            let worker = spawn("worker") { try await sleep(for: .seconds(5)); return 100 }
            let partial = try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 1...3 { group.addTask { try await sleep(for: .seconds(n)); return n } }
                return try await group.reduce(0, +)
            }
            return try await partial + worker.value
        }
        #expect(sum == 106)
        let states = finalStates(loop)
        #expect(states.count == 5)
        #expect(states.values.allSatisfy { $0 == .returned }, "\(states)")
        // The children ended by 3 s, but nothing said so until the last spawned task (main, at
        // 5 s) ended: that is when the trace shows them ended.
        let childEnds = loop.store.events.snapshot().filter {
            $0.kind == .taskReturned && loop.store.taskName($0.task).hasPrefix("untracked-")
        }
        #expect(childEnds.count == 3 && childEnds.allSatisfy { $0.time == 5_000_000_000 })
        #expect(TraceAudit.waitWakeViolations(loop.store, includeSleeps: true).isEmpty)
        expectRegistryEmpty(loop)
    }

    @Test func childrenOfAnEarlierSpawnedTaskStayOpenWhileOthersRun() throws {
        let loop = Loop()
        loop.spawn("main") {
            let parent = spawn("parent") {
                async let child: Void = sleep(for: .seconds(1))
                try await child
            }
            try await parent.value
            try await sleep(for: .seconds(2))
        }
        loop.run(until: .milliseconds(1500))
        #expect(finalStates(loop)["parent"] == .returned)
        #expect(finalStates(loop)["untracked-2"]?.isFinished == false,
                "main still runs and the loop cannot prove the child ended yet")
        loop.runUntilIdle()
        #expect(finalStates(loop)["untracked-2"] == .returned)
        loop.close()
        expectRegistryEmpty(loop)
    }

    @Test func theRegistryDoesNotGrowAcrossRunsOnAReusedLoop() throws {
        let loop = Loop()
        for round in 1...5 {
            let value = try loop.run("main-\(round)") {
                async let one: Int = { try await sleep(for: .milliseconds(10)); return 1 }()
                let group = await withTaskGroup(of: Int.self) { group in
                    for n in 1...2 { group.addTask { try? await sleep(for: .milliseconds(n)); return n } }
                    return await group.reduce(0, +)
                }
                return try await one + group
            }
            #expect(value == 4)
            expectRegistryEmpty(loop, "after run \(round)")
        }
        #expect(Transcript.fold(loop.store).liveTaskCount == 0)
    }
}
