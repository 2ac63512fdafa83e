@testable import Interleave
import InterleaveTrace
import Testing

/// The unfinished tasks, linked through their records: order, removal from anywhere, and who
/// holds the records.
@Suite struct LiveTaskListTests {
    private func records(_ count: Int) -> [TaskRecord] {
        (0..<count).map { TaskRecord(id: TaskID($0), name: "t\($0)") }
    }

    @Test func tasksRemovedFromTheMiddleAndBothEndsLeaveTheRestInOrder() {
        let list = LiveTaskList()
        let tasks = records(6)
        for task in tasks { list.append(task) }
        list.remove(tasks[0])
        list.remove(tasks[3])
        list.remove(tasks[5])
        #expect(list.all.map(\.name) == ["t1", "t2", "t4"])
        #expect(list.count == 3)
        #expect(!tasks[3].isLive && tasks[4].isLive)
        list.append(tasks[3])
        #expect(list.all.map(\.name) == ["t1", "t2", "t4", "t3"], "a task added again goes last")
        #expect(list.first { $0.name.hasPrefix("t4") } === tasks[4])
        for task in [tasks[1], tasks[2], tasks[4], tasks[3]] { list.remove(task) }
        #expect(list.all.isEmpty && list.count == 0)
        list.append(tasks[5])
        #expect(list.all.map(\.name) == ["t5"], "an emptied list starts afresh")
    }

    @Test func removingATaskThatIsNotInChangesNothing() {
        let list = LiveTaskList()
        let tasks = records(2)
        list.append(tasks[0])
        list.remove(tasks[1])
        list.remove(tasks[0])
        list.remove(tasks[0])
        #expect(list.count == 0 && list.all.isEmpty)
    }

    @Test func theListHoldsItsTasksUntilTheyAreRemoved() {
        let list = LiveTaskList()
        weak var held: TaskRecord?
        do {
            let task = TaskRecord(id: TaskID(0), name: "only the list holds it")
            held = task
            list.append(task)
        }
        #expect(held != nil)
        list.remove(held!)
        #expect(held == nil, "removed, nothing holds it")
    }

    @Test func aDroppedListLetsGoOfEveryTaskWithoutRecursing() {
        weak var oldest: TaskRecord?
        weak var newest: TaskRecord?
        do {
            let list = LiveTaskList()
            // Enough that freeing the chain recursively, a frame a task, would overflow the stack.
            for index in 0..<300_000 {
                let task = TaskRecord(id: TaskID(index), name: "t")
                if index == 0 { oldest = task }
                newest = task
                list.append(task)
            }
            #expect(oldest != nil && newest != nil)
        }
        #expect(oldest == nil && newest == nil)
    }
}
