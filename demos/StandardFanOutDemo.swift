import Interleave

extension Catalogue {
    /// examples/StandardConcurrency's fan-out program, run as it is (demos/Standard/FanOut.swift
    /// is a link to it): no Interleave in it, only a task group, `Task.sleep` and `print`.
    static let standardFanOut = Demo(
        name: "swift-fan-out",
        title: "Your own Swift: a task group, unmodified",
        summary: "Plain Swift concurrency on the loop: a task group fans out four fetches and collects them as they finish",
        concept: "Code written only with Swift's own concurrency (task groups, Task.sleep, print) runs on the loop "
            + "as it is: each child is a lane under the task that created it, sleeps take virtual time, and the "
            + "group hands results back in completion order, not the order the children were added.",
        sourcePath: fanOutSource.filePath, fileID: fanOutSource.fileID, standardConcurrency: true
    ) { _ in
        caption("fanOut() adds four children to a task group: each is a lane under main, named by Task(name:)")
        try await fanOut()
        caption("The group handed results back as they finished, and took as long as the slowest fetch: 0.7 s")
    }
}
