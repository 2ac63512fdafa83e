#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Unmodified Swift concurrency on a loop: `Task {}`, `Task.detached {}` and `@MainActor` code
/// started from the loop's tasks run on the loop, in its order and its virtual time.
///
/// Task groups, `async let` and default actors follow a task's executor preference onto the
/// loop by themselves; unstructured tasks and the main actor go to Swift's global and main
/// executors instead. While a routing is active, the runtime's enqueue hooks
/// (`swift_task_enqueueGlobal_hook`, `swift_task_enqueueMainExecutor_hook`) hand those jobs to
/// the loop when they come from a loop that routes standard jobs (`Loop(routesStandardJobs:)`),
/// or belong to a task routed there before; every other job in the process passes through to
/// Swift's executors as before. The hooks are restored when the routing ends.
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
    /// then restores the runtime's hooks. Routings do not nest and one process has one at a
    /// time: a second throws `RoutingError.alreadyRouting`.
    ///
    /// `Swift.print` from the loops' tasks is recorded as their output; with
    /// `silencingStandardOutput`, standard output is pointed at /dev/null meanwhile, so the text
    /// does not also land in the middle of a full-screen view (open the terminal before).
    public static func withRouting<R>(silencingStandardOutput: Bool = false, _ body: () throws -> R) throws -> R {
        guard let hooks = RuntimeHooks.shared else { throw RoutingError.unavailable(RuntimeHooks.missingReason) }
        try hooks.install()
        let output = StandardOutputCapture.install(silencing: silencingStandardOutput)
        defer {
            output.restore()
            hooks.restore()
        }
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

/// The runtime's enqueue hooks, installed for a routing and restored after.
final class RuntimeHooks: Sendable {
    typealias OriginalEnqueue = @convention(thin) (UnownedJob) -> Void
    typealias EnqueueHook = @convention(thin) (UnownedJob, OriginalEnqueue) -> Void
    typealias HookSlot = UnsafeMutablePointer<EnqueueHook?>

    static let missingReason = "this Swift runtime has no swift_task_enqueueGlobal_hook or "
        + "swift_task_enqueueMainExecutor_hook: unmodified Swift concurrency cannot be routed onto an Interleave loop "
        + "(Interleave's own spawn, sleep and primitives still work)"

    /// The hooks of this process's runtime, or nil when it exports none.
    static let shared: RuntimeHooks? = {
        guard let process = dlopen(nil, RTLD_NOW),
              let global = dlsym(process, "swift_task_enqueueGlobal_hook"),
              let main = dlsym(process, "swift_task_enqueueMainExecutor_hook") else { return nil }
        return RuntimeHooks(global: UInt(bitPattern: global), main: UInt(bitPattern: main))
    }()

    // The slots are process-wide variables of the runtime; kept as addresses to stay Sendable.
    private let globalSlot: UInt
    private let mainSlot: UInt
    /// The hooks found in the slots at install (another library's, or none), restored after.
    private let saved = Mutex<(installed: Bool, global: UInt, main: UInt)>((false, 0, 0))

    private init(global: UInt, main: UInt) {
        globalSlot = global
        mainSlot = main
    }

    var isInstalled: Bool { saved.withLock { $0.installed } }

    func install() throws {
        try saved.withLock { state in
            guard !state.installed else { throw StandardConcurrency.RoutingError.alreadyRouting }
            let global = HookSlot(bitPattern: globalSlot)!
            let main = HookSlot(bitPattern: mainSlot)!
            state = (true, Self.address(of: global.pointee), Self.address(of: main.pointee))
            global.pointee = routeGlobalJob
            main.pointee = routeMainJob
        }
    }

    func restore() {
        saved.withLock { state in
            guard state.installed else { return }
            HookSlot(bitPattern: globalSlot)!.pointee = Self.hook(at: state.global)
            HookSlot(bitPattern: mainSlot)!.pointee = Self.hook(at: state.main)
            state.installed = false
        }
        RoutedTasks.shared.removeAll()
    }

    private static func address(of hook: EnqueueHook?) -> UInt {
        hook.map { unsafeBitCast($0, to: UInt.self) } ?? 0
    }

    private static func hook(at address: UInt) -> EnqueueHook? {
        address == 0 ? nil : unsafeBitCast(address, to: EnqueueHook.self)
    }
}

/// Swift's global executor is asked to run `job`: a job started from a routing loop's thread,
/// or of a task routed before, goes to that loop; any other passes through.
private let routeGlobalJob: RuntimeHooks.EnqueueHook = { job, original in
    if !RoutedJobs.take(job, role: .task) { original(job) }
}

/// As `routeGlobalJob`, for the main executor (`@MainActor` code, `MainActor.run`).
private let routeMainJob: RuntimeHooks.EnqueueHook = { job, original in
    if !RoutedJobs.take(job, role: .mainActor) { original(job) }
}

enum RoutedJobs {
    /// Hands `job` to the loop it belongs to; false when it belongs to none.
    static func take(_ job: UnownedJob, role: ReadyJob.Role) -> Bool {
        if let loop = CurrentLoop.loop, loop.routesStandardJobs {
            loop.takeRoutedJob(job, role: role)
            return true
        }
        guard let loop = RoutedTasks.shared.loop(for: JobIdentity.address(of: job)) else { return false }
        loop.takeRoutedJob(job, role: role)
        return true
    }
}

/// The tasks routed onto a loop so far, by job address, so that their jobs come back to it when
/// another thread resumes them (a continuation resumed elsewhere).
///
/// Emptied when the routing ends; entries of a loop are dropped when it closes. An address can
/// outlive its task (Swift does not say when a task completes), so a later task at the same
/// address would be routed too: only while the same routing lasts.
final class RoutedTasks: Sendable {
    static let shared = RoutedTasks()
    private let loops = Mutex<[UInt: WeakLoop]>([:])
    /// Whether any entry exists: every global enqueue in the process checks this first.
    private let isEmpty = Atomic<Bool>(true)

    struct WeakLoop: @unchecked Sendable {
        // Unchecked: the reference is only read under the table's lock and then used through
        // the loop's own thread-safe entry points (its inbox).
        weak var loop: Loop?
    }

    func add(_ address: UInt, to loop: Loop) {
        loops.withLock { table in
            table[address] = WeakLoop(loop: loop)
            isEmpty.store(false, ordering: .releasing)
        }
    }

    func loop(for address: UInt) -> Loop? {
        guard !isEmpty.load(ordering: .acquiring) else { return nil }
        return loops.withLock { $0[address]?.loop }
    }

    /// [helper-names] Forgets a task that has completed (its address may be reused).
    func remove(_ address: UInt) {
        guard !isEmpty.load(ordering: .acquiring) else { return }
        loops.withLock { table in
            table[address] = nil
            isEmpty.store(table.isEmpty, ordering: .releasing)
        }
    }

    func remove(loop: Loop) {
        loops.withLock { table in
            table = table.filter { $0.value.loop !== loop && $0.value.loop != nil }
            isEmpty.store(table.isEmpty, ordering: .releasing)
        }
    }

    func removeAll() {
        loops.withLock { table in
            table.removeAll()
            isEmpty.store(true, ordering: .releasing)
        }
    }
}
