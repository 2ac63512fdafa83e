#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The Swift runtime's hooks that route standard concurrency's jobs onto loops, installed while
/// any routing is active and restored (to whatever was there: none, or another library's) when
/// the last one ends.
final class RuntimeHooks: Sendable {
    typealias OriginalEnqueue = @convention(thin) (UnownedJob) -> Void
    typealias EnqueueHook = @convention(thin) (UnownedJob, OriginalEnqueue) -> Void
    typealias OriginalGetMain = @convention(thin) () -> UnownedSerialExecutor
    typealias GetMainHook = @convention(thin) (OriginalGetMain) -> UnownedSerialExecutor

    static let missingReason = "this Swift runtime has no swift_task_enqueueGlobal_hook or "
        + "swift_task_getMainExecutor_hook: unmodified Swift concurrency cannot be routed onto an Interleave loop "
        + "(Interleave's own spawn, sleep and primitives still work)"

    /// The hooks of this process's runtime, or nil when it exports none.
    static let shared: RuntimeHooks? = {
        guard let process = dlopen(nil, RTLD_NOW),
              let global = dlsym(process, "swift_task_enqueueGlobal_hook"),
              let main = dlsym(process, "swift_task_enqueueMainExecutor_hook"),
              let getMain = dlsym(process, "swift_task_getMainExecutor_hook") else { return nil }
        return RuntimeHooks(slots: [UInt(bitPattern: global), UInt(bitPattern: main), UInt(bitPattern: getMain)])
    }()

    /// The three hook variables (global enqueue, main enqueue, main executor), as addresses.
    private let slots: [UInt]

    private struct State {
        /// Routings active now (a run's and the ones that joined it).
        var users = 0
        /// What the slots held before the first routing, restored after the last.
        var saved: [UInt] = []
        /// Standard output, while silenced (see `StandardConcurrency.silencesStandardOutput`).
        var silenced: StandardOutputCapture.Silenced?
    }
    private let state = PthreadLocked(State())

    private init(slots: [UInt]) { self.slots = slots }

    var isInstalled: Bool { state.withLock { $0.users > 0 } }

    /// Starts a run's routing, refused while any other routing is active.
    func enterExclusive() throws {
        try state.withLock { state in
            if state.users > 0 { throw StandardConcurrency.RoutingError.alreadyRouting }
            enter(&state)
        }
    }

    /// Starts a routing that joins the active one, if any.
    func enterShared() {
        state.withLock { enter(&$0) }
    }

    /// Installs the hooks if no routing is active, and counts one more.
    private func enter(_ state: inout State) {
        if state.users == 0 {
            state.saved = slots.map { UnsafeMutablePointer<UInt>(bitPattern: $0)!.pointee }
            let routes = [unsafeBitCast(routeGlobalJob, to: UInt.self), unsafeBitCast(routeMainJob, to: UInt.self),
                          unsafeBitCast(mainExecutorOfRoutingLoop, to: UInt.self)]
            for (slot, route) in zip(slots, routes) { UnsafeMutablePointer<UInt>(bitPattern: slot)!.pointee = route }
            StandardOutputCapture.installPrintHook()
            if StandardConcurrency.silencesStandardOutput { state.silenced = StandardOutputCapture.silence() }
        }
        state.users += 1
    }

    /// Ends a routing; the last one restores the hooks found before the first.
    func leave() {
        let last = state.withLock { state -> Bool in
            state.users -= 1
            guard state.users == 0 else { return false }
            for (slot, saved) in zip(slots, state.saved) { UnsafeMutablePointer<UInt>(bitPattern: slot)!.pointee = saved }
            StandardOutputCapture.removePrintHook()
            state.silenced?.restore()
            state.silenced = nil
            return true
        }
        if last { RoutedTasks.shared.removeAll() }
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

/// The main actor's executor, as code on a routing loop's thread sees it: the loop's own main
/// face, so `@MainActor` code started from the loop's tasks runs on the loop (Swift 6.3 enqueues
/// main-actor jobs on this executor directly, no longer through the main-executor enqueue hook).
private let mainExecutorOfRoutingLoop: RuntimeHooks.GetMainHook = { original in
    if let loop = CurrentLoop.loop, loop.routesStandardJobs {
        return loop.mainActorExecutor.asUnownedSerialExecutor()
    }
    return original()
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
    private let loops = PthreadLocked<[UInt: WeakLoop]>([:])
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

    /// Forgets a task that has completed (its address may be reused).
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
