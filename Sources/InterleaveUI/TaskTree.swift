import InterleaveTrace

/// The tasks of a world in the order the timeline lists them: each parent followed by its
/// children, depth first, siblings in creation order.
///
/// Built in one linear pass with sibling links rather than per-task child arrays, because it is
/// rebuilt every frame and a trace may hold many thousands of tasks.
/// ```swift
/// let tree = TaskTree(store: store, taskCount: world.tasks.count)
/// tree.order   // [main, child1, grandchild, child2]
/// tree.depth   // [0, 1, 2, 1]
/// ```
public struct TaskTree: Sendable, Equatable {
    /// Tasks in display order.
    public private(set) var order: [TaskID] = []
    /// Nesting depth of each entry of `order` (0 for a root task).
    public private(set) var depth: [Int] = []

    /// Orders the first `taskCount` tasks of `store`.
    public init(store: TraceStore, taskCount: Int) {
        let n = min(taskCount, store.tasks.count)
        guard n > 0 else { return }
        var lastChild = [Int32](repeating: -1, count: n)
        var previousSibling = [Int32](repeating: -1, count: n)
        var roots: [Int32] = []
        for i in 0..<n {
            let parent = store.tasks[i].parent
            // A parent must be created first; anything else is treated as a root so that a
            // malformed trace file cannot make the walk loop.
            guard !parent.isNone, parent.index < i else { roots.append(Int32(i)); continue }
            let p = parent.index
            previousSibling[i] = lastChild[p]
            lastChild[p] = Int32(i)
        }
        order.reserveCapacity(n)
        depth.reserveCapacity(n)
        var stack: [(Int32, Int)] = []
        for root in roots {
            stack.append((root, 0))
            while let (node, level) = stack.popLast() {
                order.append(TaskID(Int(node)))
                depth.append(level)
                // Push the last-created child first so that the first-created one is visited first.
                var child = lastChild[Int(node)]
                while child >= 0 {
                    stack.append((child, level + 1))
                    child = previousSibling[Int(child)]
                }
            }
        }
    }

    /// The position of `task` in `order`, if listed.
    public func row(of task: TaskID) -> Int? { order.firstIndex(of: task) }
}
