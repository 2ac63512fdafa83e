import Foundation
import InterleaveTrace

/// The error an injected failure throws inside a task.
///
/// ```swift
/// loop.inject(.fail, into: worker.id)   // worker's current wait throws InjectedFault
/// ```
public struct InjectedFault: Error, CustomStringConvertible, Equatable {
    public var message: String
    public init(_ message: String = "injected fault") { self.message = message }
    public var description: String { message }
}

/// The error an I/O operation throws when an I/O failure was injected.
public struct InjectedIOFailure: Error, CustomStringConvertible, Equatable {
    public init() {}
    public var description: String { "injected I/O failure" }
}

/// A failure to inject into a running task.
public enum Fault: Sendable, Equatable {
    /// The task's current wait, or its next suspension point, throws `InjectedFault`.
    case fail
    /// The task is cancelled.
    case cancel
    /// The next time the task runs it blocks the loop thread for this long, as a blocking call would.
    case stall(Duration)
    /// The task's next I/O operation fails.
    case ioFailure

    /// The fault a trace's `FaultKind` stands for; a stall blocks for `stall` (the trace keeps
    /// only the kind).
    ///
    /// ```swift
    /// Fault(.stall, stall: .seconds(2))   // .stall(.seconds(2))
    /// ```
    public init(_ kind: FaultKind, stall: Duration) {
        self = switch kind {
        case .fail: .fail
        case .cancel: .cancel
        case .stall: .stall(stall)
        case .ioFailure: .ioFailure
        }
    }

    var kind: FaultKind {
        switch self {
        case .fail: .fail
        case .cancel: .cancel
        case .stall: .stall
        case .ioFailure: .ioFailure
        }
    }
}

extension Loop {
    /// Injects a fault into a task; safe from any thread (it takes effect on the loop).
    ///
    /// Injections are trace events, so a recording replays them.
    public func inject(_ fault: Fault, into task: TaskID) {
        onLoop { loop in loop.applyFault(fault, to: task) }
    }

    func applyFault(_ fault: Fault, to id: TaskID) {
        guard let task = registry.unfinishedTask(id) else { return }
        // A standard task suspended in Swift's own await (a sleep, a continuation, a child) has
        // no wait of Interleave's to throw into: say so rather than claim a failure that never
        // comes. Cancelling it does reach it.
        if case .fail = fault, task.untracked, routesStandardJobs, task.continuation == nil {
            return lint("\(task.name) waits in Swift's own await, where a failure cannot be thrown: "
                + "cancel it instead (Swift delivers a cancellation there)", task: id)
        }
        recorder.record(.faultInjected, task: id, arg: Int64(fault.kind.rawValue), at: nowNanoseconds)
        runEnd.hasIntervention = true
        switch fault {
        case .fail:
            interrupt(task, with: InjectedFault())
        case .cancel:
            requestCancel(task)
        case .stall(let duration):
            task.pendingStall = duration
        case .ioFailure:
            task.pendingIOFailure = true
        }
    }

    /// Blocks the loop thread on behalf of `task`, as a synchronous call inside a coroutine would.
    ///
    /// Virtual time moves on by `duration` while nothing else runs; a live loop also really
    /// blocks its thread (scaled by speed), so the UI shows the loop frozen.
    func performBlockingCall(by task: TaskRecord, for duration: Duration) {
        let nanoseconds = max(0, duration.nanoseconds)
        recorder.record(.loopBlockStarted, task: task.id, arg: nanoseconds, at: nowNanoseconds)
        if let wall = pacing.blockingWallSeconds(forVirtual: nanoseconds) {
            blockWallClock(seconds: wall, virtualNanoseconds: nanoseconds)
        }
        setNow(nowNanoseconds &+ nanoseconds)
        recorder.record(.loopBlockEnded, task: task.id, arg: nanoseconds, at: nowNanoseconds)
        if nanoseconds > 100_000_000 {
            lint("loop blocked \(formatSeconds(nanoseconds)) by \(task.name): nothing else ran meanwhile "
                + "(asyncio's debug mode flags anything over 0.100s)", task: task.id)
        }
    }

    /// Sleeps the real thread while publishing virtual time as it passes, so the UI clock moves.
    private func blockWallClock(seconds: Double, virtualNanoseconds: Int64) {
        let start = Date()
        let base = nowNanoseconds
        while true {
            let elapsed = Date().timeIntervalSince(start)
            if elapsed >= seconds { break }
            publishedTime.store(base &+ Int64(Double(virtualNanoseconds) * elapsed / seconds), ordering: .relaxed)
            Thread.sleep(forTimeInterval: min(0.02, seconds - elapsed))
        }
    }
}

/// Blocks the loop thread for `duration`, the way a synchronous call (`time.sleep`, a CPU-bound
/// loop) inside a coroutine does: every other task stalls until it returns.
///
/// ```swift
/// blockingCall(for: .seconds(2))   // the whole loop freezes for 2 s of virtual time
/// ```
public func blockingCall(for duration: Duration) {
    let loop = requireLoop()
    loop.performBlockingCall(by: loop.currentRecord(), for: duration)
}
