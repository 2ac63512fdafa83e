@testable import Interleave
import Testing

/// The loop's task book-keeping, without a loop: spawned and adopted tasks, from start to end.
@Suite struct TaskRegistryTests {
    private func spawned(_ registry: inout TaskRegistry, _ name: String, at address: UInt) -> TaskRecord {
        let record = TaskRecord(id: TaskID(registry.nextIndex), name: name)
        registry.register(record)
        registry.bind(record, to: address)
        return record
    }

    @Test func aSpawnedTaskIsLiveAndOwedAFirstJobUntilItRuns() {
        var registry = TaskRegistry()
        let worker = spawned(&registry, "worker", at: 0x100)
        #expect((registry.liveTaskCount, registry.unstartedTasks) == (1, 1))
        let firstJob = registry.startJob(at: 0x100)?.takeUnretainedValue()
        #expect(firstJob === worker)
        #expect(worker.started)
        #expect(registry.unstartedTasks == 0)
        _ = registry.startJob(at: 0x100)?.takeUnretainedValue()
        #expect(registry.unstartedTasks == 0, "only its first job starts it")
        let actorJob = registry.startJob(at: 0x999)?.takeUnretainedValue()
        #expect(actorJob == nil, "a job of no known task (an actor's)")
    }

    @Test func finishedTasksLeaveNothingBehindAndTheRestStayInCreationOrder() {
        var registry = TaskRegistry()
        let tasks = (0..<5_000).map { spawned(&registry, "t\($0)", at: 0x1000 + UInt($0) * 16) }
        #expect(registry.record(at: 0x1000) === tasks[0], "a lookup by address indexes the tasks")
        for task in tasks where task.id.index % 1_000 != 7 {
            task.outcome = .returned
            registry.remove(task)
        }
        // What a run keeps per task ever made is in the trace; the registry holds the live ones.
        #expect(registry.recordCount == 5)
        #expect(registry.addressCount == 5)
        #expect(registry.unfinishedTasks.map(\.name) == ["t7", "t1007", "t2007", "t3007", "t4007"])
        #expect(registry.unfinishedTask(tasks[3007].id) === tasks[3007])
        #expect(registry.unfinishedTask(tasks[3008].id) == nil)
    }

    @Test func addressesAreIndexedOnlyOnceATaskIsLookedUpByOneAndKeptUpAfter() {
        var registry = TaskRegistry()
        let first = spawned(&registry, "first", at: 0x100)
        let second = spawned(&registry, "second", at: 0x200)
        #expect(registry.startJob(at: 0x100, hint: Unmanaged.passUnretained(first))?.takeUnretainedValue() === first)
        #expect(!registry.indexesAddresses && registry.addressCount == 0, "a job that carries its task needs no index")
        #expect(registry.startJob(at: 0x200, hint: Unmanaged.passUnretained(first))?.takeUnretainedValue() === second,
                "a hint whose address is another's is not taken")
        #expect(registry.indexesAddresses && registry.addressCount == 2)
        let third = spawned(&registry, "third", at: 0x300)
        #expect(registry.addressCount == 3, "tasks bound after the index is built join it")
        second.outcome = .returned
        registry.remove(second)
        #expect(registry.record(at: 0x200) == nil && registry.record(at: 0x300) === third)
        #expect(registry.unstartedTasks == 1, "only third has not started")
    }

    @Test func anIndexBuiltLateMapsAReusedAddressToTheNewerTask() {
        var registry = TaskRegistry()
        let adopted = TaskRecord(id: TaskID(registry.nextIndex), name: "untracked-0", untracked: true)
        registry.adopt(adopted, at: 0x200)
        // Its Swift task completed unseen, and a new task took the address.
        let newer = spawned(&registry, "newer", at: 0x200)
        #expect(registry.record(at: 0x200) === newer)
    }

    @Test func aFinishedTaskIsForgottenAndItsIdNeverReused() {
        var registry = TaskRegistry()
        let first = spawned(&registry, "first", at: 0x100)
        let second = spawned(&registry, "second", at: 0x200)
        first.outcome = .returned
        registry.remove(first)
        #expect(registry.liveTaskCount == 1)
        #expect(registry.record(at: 0x100) == nil)
        #expect(registry.unfinishedTask(first.id) == nil)
        #expect(registry.unfinishedTask(second.id) === second)
        #expect(registry.unfinishedTasks.map(\.name) == ["second"])
        #expect(registry.nextIndex == 2, "ids are never reused")
        #expect(registry.unfinishedTask(TaskID(7)) == nil)
    }

    @Test func removingATaskLeavesAnAddressReusedByANewerTaskAlone() {
        var registry = TaskRegistry()
        let old = spawned(&registry, "old", at: 0x100)
        let adopted = TaskRecord(id: TaskID(registry.nextIndex), name: "untracked-1", untracked: true)
        registry.adopt(adopted, at: 0x200)
        old.outcome = .returned
        registry.remove(old)
        // The adopted task's Swift task completed unseen and a new one took its address.
        let newer = spawned(&registry, "newer", at: 0x200)
        adopted.outcome = .returned
        registry.remove(adopted)
        #expect(registry.record(at: 0x200) === newer)
    }

    @Test func anAdoptedTaskIsRunningAlreadyAndNotCountedAsLive() {
        var registry = TaskRegistry()
        let adopted = TaskRecord(id: TaskID(0), name: "untracked-0", untracked: true)
        registry.adopt(adopted, at: 0x300)
        #expect(adopted.started)
        #expect((registry.liveTaskCount, registry.unstartedTasks) == (0, 0))
        let nextJob = registry.startJob(at: 0x300)?.takeUnretainedValue()
        #expect(nextJob === adopted)
        #expect(registry.unstartedTasks == 0, "its next job does not count it as starting")
        #expect(registry.openAdopted.count == 1)
        adopted.outcome = .returned
        registry.remove(adopted)
        #expect(registry.openAdopted.isEmpty && registry.addressCount == 0 && registry.liveTaskCount == 0)
    }

    @Test func adoptedTasksMustHaveEndedOnlyWhenTheLastSpawnedTaskEnds() {
        var registry = TaskRegistry()
        let main = spawned(&registry, "main", at: 0x100)
        let worker = spawned(&registry, "worker", at: 0x200)
        let child = TaskRecord(id: TaskID(registry.nextIndex), name: "untracked-2", untracked: true)
        registry.adopt(child, at: 0x300)
        #expect(registry.adoptedTasksThatMustHaveEnded(with: worker) { _ in false }.isEmpty,
                "main still runs and may still await it")
        worker.outcome = .returned
        registry.remove(worker)
        #expect(registry.adoptedTasksThatMustHaveEnded(with: child) { _ in false }.isEmpty,
                "an adopted task ending proves nothing of the others")
        #expect(registry.adoptedTasksThatMustHaveEnded(with: main) { _ in false } == [child])
    }

    @Test func anAdoptedTaskParkedOrQueuedIsProvablyStillGoing() {
        var registry = TaskRegistry()
        let main = spawned(&registry, "main", at: 0x10)
        let parked = TaskRecord(id: TaskID(1), name: "untracked-1", untracked: true)
        let queued = TaskRecord(id: TaskID(2), name: "untracked-2", untracked: true)
        let ended = TaskRecord(id: TaskID(3), name: "untracked-3", untracked: true)
        for (index, task) in [parked, queued, ended].enumerated() { registry.adopt(task, at: UInt(index + 1)) }
        // The record does not hold what it waits on: the waiting task's frame does, here this test.
        let source = SleepSource()
        parked.parkedAt = source
        #expect(registry.adoptedTasksThatMustHaveEnded(with: main) { $0 === queued } == [ended])
        withExtendedLifetime(source) {}
    }
}
