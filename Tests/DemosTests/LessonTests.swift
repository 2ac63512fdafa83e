import Demos
import Interleave
import Testing

/// The lessons of the first demos, checked from their traces: times, orders and outcomes.
@Suite struct LessonTests {
    @Test func gatherTakesTheLongestTasksTime() {
        let run = DemoRun("gather")
        #expect(run.seconds == 2)
        #expect(run.time(of: "Task 2 completed") == 1)
        #expect(run.time(of: "Task 1 completed") == 2)
    }

    @Test func createTaskRaisesOffTheLoopAndSchedulesOnIt() throws {
        let run = DemoRun("create-task")
        #expect(run.lines.contains(.init(time: 0, task: "main", text: "RuntimeError: no running event loop")))
        // Only main, task1 and task2 exist: the off-loop attempt created nothing.
        #expect(run.store.tasks.count == 3)
        // spawn returned before task1 ran: main printed after creating it, before task1's first step.
        let created = try #require(run.events.firstIndex { $0.kind == .output && run.text($0.arg).hasPrefix("Both created") })
        let task1Runs = try #require(run.events.firstIndex { $0.kind == .taskResumed && run.store.taskName($0.task) == "task1" })
        #expect(created < task1Runs)
        #expect(run.time(of: "Task 2 is done") == 1)
        #expect(run.time(of: "Task 1 is done") == 2)
        #expect(run.seconds == 2)
    }

    @Test func errorsReachTheCallerAndGatherRaisesOrCollects() {
        let run = DemoRun("errors")
        #expect(run.time(of: "Caught an error: An error occurred") == 0)
        #expect(run.time(of: "gather raised: Something went wrong") == 1)
        // asyncio's gather raised at 1 s and left the first slow_task running: it finishes at 2 s.
        #expect(run.tasks(named: "slow_task").map(\.state) == [.returned])
        #expect(run.lines.first { $0.task == "slow_task" && $0.text == "Slow task finished" }?.time == 2)
        #expect(run.tasks(named: "slow_task_2").map(\.state) == [.returned])
        #expect(run.lines.suffix(2).map(\.text) == ["Error: Something went wrong", "Result: slow task's result"])
    }

    @Test func asCompletedHandsBackTasksInFinishingOrder() {
        let run = DemoRun("as-completed")
        let ended = run.events.filter { $0.kind == .taskReturned || $0.kind == .taskFailed }
            .map { (run.store.taskName($0.task), $0.kind, run.seconds($0.time)) }
        #expect(ended.map(\.0) == ["might_fail(0)", "might_fail(1)", "might_fail(2)", "might_fail(3)", "main"])
        #expect(ended.map(\.2) == [0, 1, 2, 3, 3])
        #expect(run.events(.taskFailed).count == 1)
        #expect(run.lines.map(\.text) == [
            "An error occurred: Something went wrong!",
            #"["Success after 0 seconds!", "Success after 1 seconds!", "Success after 2 seconds!"]"#,
        ])
    }

    @Test func lockSerialisesTheSections() {
        let run = DemoRun("lock")
        #expect(run.seconds == 4)
        #expect(run.lines.map(\.text) == ["Locked section", "Unlocked section", "Locked section", "Unlocked section"])
        #expect(run.lines.map(\.time) == [0, 2, 2, 4])
    }

    @Test func eventWakesWorker2AfterWorker1Sets() throws {
        let run = DemoRun("event")
        #expect(run.time(of: "Worker 2 finishing") == 2)
        let set = try #require(run.events.firstIndex { $0.kind == .eventSet })
        let finishing = try #require(run.events.firstIndex { $0.kind == .output && run.text($0.arg) == "Worker 2 finishing" })
        #expect(set < finishing)
        #expect(run.seconds == 2)
    }

    @Test func queueNeverExceedsItsCapacityAndJoinWaitsForAll() throws {
        let run = DemoRun("queue")
        let capacity = run.store.resource(ResourceID(0)).capacity
        #expect(capacity == 2)
        let puts = run.events(.queuePut)
        #expect(puts.count == 6)
        #expect(puts.allSatisfy { $0.arg <= capacity })
        // Backpressure: some producer had to wait to put.
        #expect(run.events(.taskWaiting).contains { $0.waitReason == .put })
        // join returned only once the last item was marked done.
        let lastDone = try #require(run.events(.queueTaskDone).last)
        #expect(lastDone.arg == 0)
        #expect(run.time(of: "All items processed") == run.seconds(lastDone.time))
        #expect(run.world.tasks.allSatisfy { $0.state.isFinished })
    }

    @Test func semaphoreNeverLetsMoreThanThreeIn() {
        let run = DemoRun("semaphore")
        let acquired = run.events(.semaphoreAcquired).map(\.arg)
        #expect(acquired.count == 8)
        #expect(acquired.max() == 3)
        #expect(run.lines.filter { $0.text.hasPrefix("Downloading") }.allSatisfy { $0.text.contains("of 3 slots") })
    }

    @Test func futureDeliversAValueThenAnError() {
        let run = DemoRun("future")
        #expect(run.time(of: "The answer is 42") == 1)
        #expect(run.time(of: "Caught an error: Connection reset") == 2)
        #expect(run.events(.futureResolved).count == 1)
        #expect(run.events(.futureFailed).count == 1)
    }
}
