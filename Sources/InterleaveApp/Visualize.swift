import Foundation
import Interleave
import InterleaveTerminal
import InterleaveUI

/// How `visualize` should show a workload.
public struct VisualizeOptions: Sendable {
    /// Scheduling policy: `.fifo` (asyncio's order) or `.random(seed:)`.
    public var policy: SchedulePolicy
    /// Playback speed in the full-screen view, within `PlaybackSpeed.range` (1/16 to 64).
    public var speed: Double
    /// Print the plain report instead of opening the full-screen view.
    public var plain: Bool
    /// How long the stall key blocks the loop, in virtual time.
    public var stallDuration: Duration

    /// Options read from a program's command line: `--plain` asks for the report.
    /// ```swift
    /// try visualize("mine", options: VisualizeOptions(arguments: CommandLine.arguments)) { … }
    /// ```
    public init(arguments: [String]) {
        self.init(plain: arguments.dropFirst().contains("--plain"))
    }

    public init(policy: SchedulePolicy = .fifo, speed: Double = 1, plain: Bool = false, stallDuration: Duration = .seconds(2)) {
        self.policy = policy
        self.speed = speed
        self.plain = plain
        self.stallDuration = stallDuration
    }
}

/// Runs your own async code on an Interleave loop and shows it: the full-screen view in a
/// terminal, or the plain report (prints, timeline, diagnostics) when there is none.
///
/// Everything your code awaits through Interleave's primitives (`spawn`, `sleep`, `gather`,
/// `Lock`, `Queue`…) is traced; the file that calls `visualize` is shown in the code pane.
/// `options.plain` forces the report (`VisualizeOptions(arguments:)` reads `--plain` from a
/// command line). Throws when the terminal cannot be opened; a termination signal (Ctrl-C,
/// SIGTERM) restores the terminal and then ends the process by that signal.
/// ```swift
/// import Interleave
/// import InterleaveApp
///
/// try visualize("two sleepers", options: VisualizeOptions(arguments: CommandLine.arguments)) {
///     let a = spawn("a") { try await sleep(for: .seconds(2)) }
///     let b = spawn("b") { try await sleep(for: .seconds(1)) }
///     _ = try await gather(a, b)
/// }
/// ```
public func visualize(
    _ name: String, options: VisualizeOptions = VisualizeOptions(),
    filePath: String = #filePath, fileID: String = #fileID,
    _ workload: @escaping @Sendable () async throws -> Void
) throws {
    // Unmodified Swift concurrency (`Task {}`, `Task.sleep`, `@MainActor`…) is routed onto the
    // loop where this Swift runtime allows; elsewhere Interleave's own primitives still work.
    let standard = StandardConcurrency.unavailableReason == nil
    StandardConcurrency.silencesStandardOutput = true
    StandardConcurrency.locatesStandardTasks = true
    if let reason = StandardConcurrency.unavailableReason {
        FileHandle.standardError.write(Data("interleave: \(reason)\n".utf8))
    }
    let run = HeadlessRun(policy: options.policy, routesStandardJobs: standard) { loop in
        var header = loop.store.header
        header.demoName = name
        header.title = name
        loop.store.header = header
        if let data = FileManager.default.contents(atPath: filePath), data.count < 1 << 20 {
            loop.store.addSource(SourceFile(fileID: fileID, text: String(decoding: data, as: UTF8.self)))
        }
        loop.spawn("main", workload)
    }
    let routed = { (body: () throws -> Void) throws in
        if standard { try StandardConcurrency.withRouting(body) } else { try body() }
    }
    let wantsPlain = options.plain
    let reason = wantsPlain ? nil : TerminalEnvironment.current().fullScreenUnavailableReason()
    if wantsPlain || reason != nil {
        if let reason { FileHandle.standardError.write(Data("interleave: \(reason); showing plain output\n".utf8)) }
        var store: TraceStore?
        try routed { store = run.run().store }
        print(PlainReport(store: store!).render(), terminator: "")
        return
    }
    // The terminal is opened before the routing silences C's stdout stream: ncurses writes to
    // the stream it was given. The live source makes its first loop at once: inside the routing.
    let backend = try NCursesBackend()
    defer { backend.restore() }
    var outcome: TUISession.Outcome?
    try routed {
        let live = LiveSource(
            policy: options.policy, speed: options.speed, startPaused: false, stallDuration: options.stallDuration,
            program: run.start, makeLoop: { run.makeLoop(policy: $0) })
        outcome = TUISession(backend: backend, live: live, replay: nil, speed: options.speed, presentation: false).run()
    }
    if case .terminated(let signal)? = outcome {
        backend.restore()
        TerminalGuard.endProcess(by: signal)
    }
}
