import Synchronization


/// Unmodified Swift concurrency on a loop: `Task {}`, `Task.detached {}` and `@MainActor` code
/// started from the loop's tasks run on the loop, in its order and its virtual time.
///
/// Task groups, `async let` and default actors follow a task's executor preference onto the
/// loop by themselves; unstructured tasks and the main actor go to Swift's global and main
/// executors instead. While a routing is active, the runtime's hooks (see `RuntimeHooks`) hand
/// those jobs to the loop when they come from a loop that routes standard jobs
/// (`Loop(routesStandardJobs:)`), or belong to a task routed there before; every other job in
/// the process passes through to Swift's executors as before. The hooks are restored when the
/// last routing ends. See docs/standard-concurrency.md.
/// ```swift
/// try StandardConcurrency.withRouting {
///     let loop = Loop(routesStandardJobs: true)
///     try loop.run { await Task.detached { try? await Task.sleep(for: .seconds(2)) }.value }
/// }
/// ```
public enum StandardConcurrency {
    /// Why standard concurrency cannot be routed onto a loop in this process, or nil when it can.
    public static var unavailableReason: String? { RuntimeHooks.shared == nil ? RuntimeHooks.missingReason : nil }

    /// Routes standard concurrency's jobs onto the routing loops made and run inside `body`,
    /// then restores the runtime's hooks: a run of unmodified code (`visualize`). Such runs do
    /// not nest and a process has one at a time: while any routing is active, this throws
    /// `RoutingError.alreadyRouting`.
    ///
    /// `Swift.print` from the loops' tasks is recorded as their output (and still written to
    /// standard output, unless `silencesStandardOutput`).
    public static func withRouting<R>(_ body: () throws -> R) throws -> R {
        guard let hooks = RuntimeHooks.shared else { throw RoutingError.unavailable(RuntimeHooks.missingReason) }
        try hooks.enterExclusive()
        defer { hooks.leave() }
        return try body()
    }

    /// When true, standard output is pointed at /dev/null while any routing is active: the
    /// standard library writes every `print` there as well as to its hook, and a program that
    /// shows the run itself (a full-screen view, a plain report printed after) wants the text
    /// once, where it shows it. Set it before opening the terminal (the view keeps a copy of
    /// the descriptor). `visualize` and the `interleave` command set it; tests leave it off.
    public static var silencesStandardOutput: Bool {
        get { silencing.load(ordering: .acquiring) }
        set { silencing.store(newValue, ordering: .releasing) }
    }
    private static let silencing = Atomic<Bool>(false)

    /// When true, routing loops look up the source line each standard task stands at (its
    /// sleeps, waits, yields and prints carry it, and the code pane marks it; see
    /// `StandardCallSite`). Off by default: each distinct call stack is symbolicated once, which
    /// takes tens of milliseconds in a debug build and seconds in a large test binary.
    /// `visualize` and the `interleave` command set it.
    public static var locatesStandardTasks: Bool {
        get { locating.load(ordering: .acquiring) }
        set { locating.store(newValue, ordering: .releasing) }
    }
    private static let locating = Atomic<Bool>(false)

    /// Routes standard concurrency's jobs onto the routing loops run inside `body`, joining the
    /// routing already active if there is one: for tests (Swift Testing runs them in parallel)
    /// and for Interleave's own runs inside a session. Each routing loop takes only the jobs
    /// started from its own thread, so loops on different threads do not mix. On a runtime
    /// without the hooks `body` runs unrouted (`unavailableReason` says why).
    public static func withSharedRouting<R>(_ body: () throws -> R) rethrows -> R {
        guard let hooks = RuntimeHooks.shared else { return try body() }
        hooks.enterShared()
        defer { hooks.leave() }
        return try body()
    }

    /// True while a routing is active in this process.
    public static var isRouting: Bool { RuntimeHooks.shared?.isInstalled ?? false }

    public enum RoutingError: Error, Equatable, CustomStringConvertible {
        /// Another routing is active: in a nested `visualize`/run, or on another thread.
        case alreadyRouting
        /// This Swift runtime lacks the hooks (the reason says which).
        case unavailable(String)

        public var description: String {
            switch self {
            case .alreadyRouting:
                "another Interleave run of standard Swift concurrency is active in this process; "
                    + "runs of unmodified Swift code cannot nest or overlap (Swift's executors are one per process)"
            case .unavailable(let reason): reason
            }
        }
    }
}

