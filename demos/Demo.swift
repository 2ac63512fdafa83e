import Interleave

/// A runnable lesson: real Swift code on the loop, with the words that explain it.
///
/// ```swift
/// let demo = Catalogue.named("gather")!
/// let loop = Loop()
/// demo.start(on: loop, options: DemoOptions())
/// loop.runUntilIdle()
/// ```
public struct Demo: Sendable {
    /// The CLI name (`interleave demo gather`).
    public let name: String
    public let title: String
    /// One line for the picker and `interleave list`.
    public let summary: String
    /// The idea it teaches, in a sentence or two.
    public let concept: String
    /// Where its source lives, so the code pane can show it (`#filePath`, `#fileID`).
    public let sourcePath: String
    public let fileID: String
    /// False for demos that are load or real I/O rather than a lesson to follow (swarm, fetch):
    /// they play at real time instead of at a measured pace (see `DemoPace`).
    public let paced: Bool
    /// True for a demo written in standard Swift concurrency only (`Task`, task groups,
    /// `Task.sleep`…): its loop routes those jobs (`Loop.routeStandardJobs()`).
    public let standardConcurrency: Bool
    let body: @Sendable (DemoOptions) async throws -> Void

    public init(
        name: String, title: String, summary: String, concept: String,
        sourcePath: String = #filePath, fileID: String = #fileID, paced: Bool = true,
        standardConcurrency: Bool = false, _ body: @escaping @Sendable (DemoOptions) async throws -> Void
    ) {
        self.standardConcurrency = standardConcurrency
        self.name = name
        self.title = title
        self.summary = summary
        self.concept = concept
        self.sourcePath = sourcePath
        self.fileID = fileID
        self.paced = paced
        self.body = body
    }

    /// Describes the demo in the loop's trace and spawns its main task (it runs as the loop steps).
    @discardableResult
    public func start(on loop: Loop, options: DemoOptions) -> LoopTask<Void> {
        var header = loop.store.header
        header.demoName = name
        header.title = title
        loop.store.header = header
        if standardConcurrency { loop.routeStandardJobs() }
        // Not while exploring: a search starts the demo thousands of times, untraced.
        if loop.isTracing, let text = DemoSource.read(sourcePath) {
            loop.store.addSource(SourceFile(fileID: fileID, text: text))
        }
        return loop.spawn("main") { try await body(options) }
    }
}

/// Choices a user makes for a run: the seed for random choices, sizes for scalable demos.
public struct DemoOptions: Sendable {
    public var seed: UInt64
    /// Number of tasks for demos that scale (`swarm`).
    public var tasks: Int
    public init(seed: UInt64 = 1, tasks: Int = 1000) {
        self.seed = seed
        self.tasks = tasks
    }
}
