import InterleaveTrace

/// The tasks in the order they finish, like `asyncio.as_completed`.
///
/// Each element is a finished task: `try await task.value` returns at once with its value or
/// throws its error, so each failure is handled on its own and the others still count.
/// ```swift
/// for try await task in asCompleted(tasks) {
///     do { results.append(try await task.value) } catch { print("An error occurred: \(error)") }
/// }
/// ```
public func asCompleted<Success: Sendable>(
    _ tasks: [LoopTask<Success>], file: StaticString = #fileID, line: UInt = #line
) -> AsCompletedSequence<Success> {
    AsCompletedSequence(tasks: tasks, file: file, line: line)
}

/// The sequence `asCompleted` returns.
public struct AsCompletedSequence<Success: Sendable>: AsyncSequence, Sendable {
    public typealias Element = LoopTask<Success>
    let tasks: [LoopTask<Success>]
    let file: StaticString
    let line: UInt

    public func makeAsyncIterator() -> Iterator {
        Iterator(tasks: tasks, file: file, line: line)
    }

    /// Yields each task once, as it finishes.
    public struct Iterator: AsyncIteratorProtocol {
        let tasks: [LoopTask<Success>]
        let file: StaticString
        let line: UInt
        var group: GroupWatcher?
        var yielded = 0

        init(tasks: [LoopTask<Success>], file: StaticString, line: UInt) {
            self.tasks = tasks
            self.file = file
            self.line = line
        }

        public mutating func next() async throws -> LoopTask<Success>? {
            guard yielded < tasks.count else { return nil }
            let group = self.group ?? makeGroup()
            try await group.wait(until: .oneFinishedUntaken, file: file, line: line)
            let record = group.finished.removeFirst()
            yielded += 1
            return tasks.first { $0.record === record }
        }

        private mutating func makeGroup() -> GroupWatcher {
            let group = GroupWatcher(loop: requireLoop(), name: "as_completed(\(tasks.count))", keepsFinishOrder: true, file: file, line: line)
            for task in tasks { group.add(task.record) }
            self.group = group
            return group
        }
    }
}
